using System.Net.Http.Json;
using System.Text.Json;

namespace GridCase.Web.Tests.Support;

/// <summary>Cases set up through the API, as a grid member and a township dispatcher would.</summary>
public static class Cases
{
    public const string GridMember = "g140521100001001";
    public const string TownshipDispatcher = "d140521100";
    public const string CountyDispatcher = "d140521";

    public static async Task<(string Id, string Number, string TriageTaskId)> ReportAsync(ConsoleServer server, string title)
    {
        using var gridMember = await server.ClientForAsync(GridMember);
        var response = await gridMember.PostAsJsonAsync("/api/events", new
        {
            catalogueItemCode = "QS-01-001",
            gridCode = GridMember[1..],
            channel = "GridPatrol",
            title,
            description = "网格员巡查发现，需研判分类",
            reporter = new { name = "张三", phone = "13812345678" },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetString()!, created.GetProperty("number").GetString()!,
            created.GetProperty("openTasks")[0].GetProperty("id").GetString()!);
    }

    /// <summary>Reports a case and triages it as the township dispatcher with <c>difficulty</c> and <c>scope</c> (4, County routes it to the county).</summary>
    public static async Task<(string Id, string Number)> ReportAndTriageAsync(ConsoleServer server, string title, int difficulty, string scope)
    {
        var reported = await ReportAsync(server, title);
        using var dispatcher = await server.ClientForAsync(TownshipDispatcher);
        var claim = await dispatcher.PostAsync($"/api/tasks/{reported.TriageTaskId}/claim", null);
        Assert.That(claim.IsSuccessStatusCode, Is.True, await claim.Content.ReadAsStringAsync());
        var complete = await dispatcher.PostAsJsonAsync($"/api/tasks/{reported.TriageTaskId}/complete",
            new { outcome = "filed", data = new { difficulty, scope } });
        Assert.That(complete.IsSuccessStatusCode, Is.True, await complete.Content.ReadAsStringAsync());
        return (reported.Id, reported.Number);
    }

    /// <summary>Claims and completes a task as <paramref name="client"/>'s user; the step's answer (its open tasks).</summary>
    public static async Task<JsonElement> CompleteAsync(HttpClient client, string taskId, object body)
    {
        var claim = await client.PostAsync($"/api/tasks/{taskId}/claim", null);
        Assert.That(claim.IsSuccessStatusCode, Is.True, await claim.Content.ReadAsStringAsync());
        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement;
    }

    public static string OpenTaskAt(JsonElement step, string nodeId) =>
        step.GetProperty("openTasks").EnumerateArray().First(t => t.GetProperty("nodeId").GetString() == nodeId).GetProperty("id").GetString()!;

    public static async Task<string> StatusAsync(ConsoleServer server, string caseId)
    {
        using var dispatcher = await server.ClientForAsync(TownshipDispatcher);
        var detail = JsonDocument.Parse(await dispatcher.GetStringAsync($"/api/events/{caseId}")).RootElement;
        return detail.GetProperty("status").GetString()!;
    }
}
