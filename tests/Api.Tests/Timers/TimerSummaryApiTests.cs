using System.Net;
using System.Text.Json;

namespace GridCase.Api.Tests.Timers;

public sealed class TimerSummaryApiTests
{
    [TestCase("admin", HttpStatusCode.OK)]
    [TestCase("auditor", HttpStatusCode.OK)]
    [TestCase("d140521", HttpStatusCode.Forbidden)]
    public async Task Administrators_and_auditors_see_the_timer_counts(string userName, HttpStatusCode expected)
    {
        var client = await SharedApi.Factory.ClientForAsync(userName);

        var response = await client.GetAsync("/api/timers/summary");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.OK)
        {
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.That(body.GetProperty("pending").GetInt32(), Is.GreaterThanOrEqualTo(0));
            Assert.That(body.TryGetProperty("overdueTasks", out _) && body.TryGetProperty("dueNow", out _) && body.TryGetProperty("nextDueAt", out _), Is.True, body.ToString());
        }
    }
}
