using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCase.Api.Tests.Administration.Calendar;

/// <summary>
/// Readiness and the administrators' warnings follow the calendar: degraded (still HTTP 200) while this year's holiday
/// schedule is missing, or from 1 December (China time) next year's; healthy once it is uploaded.
/// </summary>
public sealed class ReadinessTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private GridCaseApiFactory _own = null!;
    private WebApplicationFactory<Program> _api = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _own = new GridCaseApiFactory();
        // Timer delivery stays: its scheduler is one of the readiness checks.
        _api = _own.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _own.DisposeAsync();
    }

    private async Task<(string Status, string Text)> ReadyAsync()
    {
        var body = await (await _api.CreateClient().GetAsync("/health/ready")).JsonAsync(HttpStatusCode.OK);
        return (body.GetProperty("status").GetString()!, body.ToString());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient admin, int year) =>
        admin.PutAsJsonAsync($"/api/admin/calendar/{year}", new
        {
            year,
            source = $"测试用 {year} 年节假日安排",
            holidays = new[] { new { date = $"{year}-10-01", name = "国庆节" } },
            makeUpWorkdays = Array.Empty<object>(),
        });

    [Test]
    public async Task Readiness_is_degraded_while_this_or_from_1_December_next_years_schedule_is_missing_and_healthy_after_upload()
    {
        // Signed in on today's clock: tokens are checked on the system's.
        var admin = await _api.SignedInAsync("sysadmin");
        var dispatcher = await _api.SignedInAsync("d140521");

        _clock.SetUtcNow(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var withoutThisYear = await ReadyAsync();
        await (await UploadAsync(admin, 2027)).JsonAsync(HttpStatusCode.OK);
        // 30 November, 23:59:59 China time.
        _clock.SetUtcNow(new DateTimeOffset(2027, 11, 30, 15, 59, 59, TimeSpan.Zero));
        var lastDayOfNovember = await ReadyAsync();
        var noWarnings = await (await admin.GetAsync("/api/admin/warnings")).JsonAsync(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var firstOfDecember = await ReadyAsync();
        var warnings = await (await admin.GetAsync("/api/admin/warnings")).JsonAsync(HttpStatusCode.OK);
        var dispatcherWarnings = await dispatcher.GetAsync("/api/admin/warnings");
        await (await UploadAsync(admin, 2028)).JsonAsync(HttpStatusCode.OK);
        var uploaded = await ReadyAsync();

        Assert.That(withoutThisYear.Status, Is.EqualTo("Degraded"));
        Assert.That(withoutThisYear.Text, Does.Contain("2027年节假日安排缺失"));
        Assert.That(lastDayOfNovember.Status, Is.EqualTo("Healthy"), lastDayOfNovember.Text);
        Assert.That(noWarnings.GetArrayLength(), Is.Zero);
        Assert.That(firstOfDecember.Status, Is.EqualTo("Degraded"));
        Assert.That(firstOfDecember.Text, Does.Contain("2028年节假日安排缺失").And.Contain("The holiday schedule of 2028 is missing"));
        Assert.That(warnings.EnumerateArray().Select(w => w.GetProperty("code").GetString()), Is.EqualTo(new[] { "calendar.schedule-missing" }));
        Assert.That(warnings[0].GetProperty("message").GetString(), Does.StartWith("2028年节假日安排缺失"));
        Assert.That(dispatcherWarnings.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(uploaded.Status, Is.EqualTo("Healthy"), uploaded.Text);
    }
}
