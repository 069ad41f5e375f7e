using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Web.Tests.Support;

namespace GridCase.Web.Tests;

/// <summary>The task panel shows what the person needs to decide: the handler's resolution, the triage decision, the history.</summary>
public class CasePanelTests : ConsoleTest
{
    [Test]
    public async Task A_verifier_sees_the_handlers_resolution()
    {
        var reported = await Cases.ReportAsync(Server, "核查：井盖破损");
        using var township = await Server.ClientForAsync(Cases.TownshipDispatcher);
        var handle = OpenTaskAt(await CompleteAsync(township, reported.TriageTaskId, new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }), "handle");
        var verify = OpenTaskAt(await CompleteAsync(township, handle, new { outcome = "resolved", data = new { resolution = "已更换井盖并设置警示标志" } }), "verify");

        await SignInAsync(Cases.TownshipDispatcher);
        var row = Page.Locator($"tr[data-task-id='{verify}']");
        await row.ClickAsync();
        await Expect(Page.GetByTestId("resolution-note")).ToHaveTextAsync("已更换井盖并设置警示标志");
        await Expect(Page.Locator(".case-facts")).ToContainTextAsync("研判结果");
        await Expect(Page.GetByTestId("case-history")).ToContainTextAsync("已更换井盖并设置警示标志");
        await ScreenshotAsync("verifier-case-panel");
    }

    private static async Task<JsonElement> CompleteAsync(HttpClient client, string taskId, object body)
    {
        var claim = await client.PostAsync($"/api/tasks/{taskId}/claim", null);
        Assert.That(claim.IsSuccessStatusCode, Is.True, await claim.Content.ReadAsStringAsync());
        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static string OpenTaskAt(JsonElement step, string nodeId) =>
        step.GetProperty("openTasks").EnumerateArray().First(t => t.GetProperty("nodeId").GetString() == nodeId).GetProperty("id").GetString()!;
}
