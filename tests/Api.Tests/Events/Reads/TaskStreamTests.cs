using System.Net;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>GET /api/tasks/stream: Server-Sent Events that tell an open queue to refetch after a commit.</summary>
public sealed class TaskStreamTests
{
    [Test]
    public async Task A_subscriber_hears_a_tasks_event_after_a_report()
    {
        using var township = await SharedApi.Factory.ClientForAsync("d" + Township);
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await township.GetAsync("/api/tasks/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.That(await reader.ReadLineAsync(timeout.Token), Is.EqualTo(": open"));

        await ReportAsync(gridMember, "推送：新任务");

        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && line != "event: tasks");

        Assert.That(line, Is.EqualTo("event: tasks"));
    }

    [Test]
    public async Task The_stream_needs_a_signed_in_caller()
    {
        using var anonymous = SharedApi.Factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/tasks/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
