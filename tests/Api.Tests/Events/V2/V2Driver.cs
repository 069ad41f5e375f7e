using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;

namespace GridCase.Api.Tests.Events.V2;

/// <summary>
/// Walks cases of event-handling v2 as named demo users (v2 separates who handles from who verifies, so the unit's
/// default user is not always the right one). Wraps <see cref="EventDriver"/> for reading and verifying.
/// </summary>
public sealed class V2Driver(EventDriver driver)
{
    public const string TownshipDispatcher = "d" + EventDriver.Township;
    public const string TownshipHandler = "h" + EventDriver.Township;
    public const string CountyDispatcher = "d" + EventDriver.County;
    public const string CountyHandler = "h" + EventDriver.County;
    public const string VillageHandler = "h" + EventDriver.Village;
    public const string OtherVillage = "140521100002";
    public const string OtherVillageGrid = "140521100002001";
    public const string DepartmentHandler = "h" + EventDriver.Department;

    /// <summary>沁水县公安局 and 沁水县应急管理局: assisting departments for joint handling.</summary>
    public const string Police = "140521GA";
    public const string Emergency = "140521YJ";

    public EventDriver Driver => driver;

    /// <summary>The properties of <paramref name="body"/> with those of <paramref name="extra"/> added or replaced.</summary>
    public static System.Text.Json.Nodes.JsonObject Merge(object body, object? extra)
    {
        var merged = JsonSerializer.SerializeToNode(body)!.AsObject();
        foreach (var (name, value) in extra is null ? [] : JsonSerializer.SerializeToNode(extra)!.AsObject().ToList())
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>Reports through a channel as a user (201); checks the case started on v2.</summary>
    public async Task<EventStep> ReportAsync(string channel = "GridPatrol", string reporter = EventDriver.GridMember, object? extra = null)
    {
        var body = Merge(await driver.ReportBodyAsync(), extra);
        body["channel"] = channel;

        var client = await driver.ClientAsync(reporter);
        var created = new EventStep(await EventDriver.JsonAsync(await client.PostAsJsonAsync("/api/events", body), HttpStatusCode.Created));
        Assert.That(created.Json.GetProperty("workflow").GetProperty("version").GetInt32(), Is.EqualTo(2), created.ToString());
        return created;
    }

    public async Task<HttpResponseMessage> PostCompleteAsync(string user, EventStep at, string nodeId, string outcome, object? data = null)
    {
        var client = await driver.ClientAsync(user);
        return await client.PostAsJsonAsync($"/api/tasks/{at.TaskId(nodeId)}/complete", new { outcome, data });
    }

    public async Task<EventStep> CompleteAsync(string user, EventStep at, string nodeId, string outcome, object? data = null) =>
        new(await EventDriver.JsonAsync(await PostCompleteAsync(user, at, nodeId, outcome, data), HttpStatusCode.OK));

    public async Task<HttpResponseMessage> PostAsync(string user, string path, object body)
    {
        var client = await driver.ClientAsync(user);
        return await client.PostAsJsonAsync(path, body);
    }

    public async Task<EventStep> ActAsync(string user, Guid eventId, string action, object body) =>
        new(await EventDriver.JsonAsync(await PostAsync(user, $"/api/events/{eventId}/{action}", body), HttpStatusCode.OK));

    /// <summary>A patrol report triaged by the township centre with a difficulty and scope.</summary>
    public async Task<EventStep> FileAsync(int difficulty, string scope, object? extra = null)
    {
        var reported = await ReportAsync();
        return await CompleteAsync(TownshipDispatcher, reported, "triage", "filed", Merge(new { difficulty, scope }, extra));
    }

    public async Task<IReadOnlyList<string?>> KindsAsync(Guid eventId) =>
        (await driver.JournalAsync(eventId)).Select(e => e.GetProperty("kind").GetString()).ToList();
}
