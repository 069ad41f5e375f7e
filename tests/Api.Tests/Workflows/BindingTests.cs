using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GridCase.Api.Tests.Workflows;

/// <summary>一乡一策: a township bound to its own definition starts its new cases on it.</summary>
public sealed class BindingTests
{
    [Test]
    public async Task A_township_bound_to_its_own_workflow_starts_new_cases_on_it()
    {
        var admin = await SharedApi.Factory.ClientForAsync("admin");
        var id = "township-policy-" + Guid.NewGuid().ToString("N")[..6];
        var document = await admin.GetStringAsync("/api/workflow-definitions/event-handling/versions/1");
        var node = System.Text.Json.Nodes.JsonNode.Parse(document)!.AsObject();
        node["id"] = id;
        node["name"] = "十里乡事件流转";
        await admin.PutAsync($"/api/workflow-definitions/{id}/draft", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
        (await admin.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "十里乡试行" })).EnsureSuccessStatusCode();
        var townships = JsonDocument.Parse(await admin.GetStringAsync("/api/org-units?parent=140521&level=Township")).RootElement;
        var township = townships.EnumerateArray().Last().GetProperty("code").GetString()!;
        var village = JsonDocument.Parse(await admin.GetStringAsync($"/api/org-units?parent={township}")).RootElement[0].GetProperty("code").GetString();
        var grid = JsonDocument.Parse(await admin.GetStringAsync($"/api/org-units?parent={village}")).RootElement[0].GetProperty("code").GetString();

        var bound = await admin.PutAsJsonAsync($"/api/workflow-bindings/{township}", new { definitionId = id });
        var dispatcher = await SharedApi.Factory.ClientForAsync("d" + township);
        var item = JsonDocument.Parse(await dispatcher.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var created = await dispatcher.PostAsJsonAsync("/api/events", new { catalogueItemCode = item, gridCode = grid, channel = "Hotline12345", title = "路灯不亮" });

        Assert.That(bound.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        Assert.That(body.GetProperty("workflow").GetProperty("definitionId").GetString(), Is.EqualTo(id));
        var bindings = JsonDocument.Parse(await admin.GetStringAsync("/api/workflow-bindings")).RootElement;
        Assert.That(bindings.EnumerateArray().Any(b => b.GetProperty("unitCode").GetString() == township), Is.True);
    }

    [TestCase("140521100001", HttpStatusCode.BadRequest)]
    [TestCase("140521", HttpStatusCode.OK)]
    public async Task Only_townships_and_counties_can_be_bound(string unit, HttpStatusCode expected)
    {
        var admin = await SharedApi.Factory.ClientForAsync("admin");

        var response = await admin.PutAsJsonAsync($"/api/workflow-bindings/{unit}", new { definitionId = "event-handling" });

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Only_a_policy_administrator_binds()
    {
        var dispatcher = await SharedApi.Factory.ClientForAsync("d140521");

        var response = await dispatcher.PutAsJsonAsync("/api/workflow-bindings/140521", new { definitionId = "event-handling" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_unbound_township_is_no_longer_listed_and_unbinding_again_is_not_found()
    {
        var admin = await SharedApi.Factory.ClientForAsync("admin");
        var townships = JsonDocument.Parse(await admin.GetStringAsync("/api/org-units?parent=140502&level=Township")).RootElement;
        var township = townships.EnumerateArray().First().GetProperty("code").GetString()!;
        (await admin.PutAsJsonAsync($"/api/workflow-bindings/{township}", new { definitionId = "event-handling" })).EnsureSuccessStatusCode();

        var unbound = await admin.DeleteAsync($"/api/workflow-bindings/{township}");
        var again = await admin.DeleteAsync($"/api/workflow-bindings/{township}");
        var grid = await admin.DeleteAsync("/api/workflow-bindings/140521100001");
        var dispatcher = await (await SharedApi.Factory.ClientForAsync("d140521")).DeleteAsync("/api/workflow-bindings/140521");

        Assert.That(unbound.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(grid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(dispatcher.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var bindings = JsonDocument.Parse(await admin.GetStringAsync("/api/workflow-bindings")).RootElement;
        Assert.That(bindings.EnumerateArray().Any(b => b.GetProperty("unitCode").GetString() == township), Is.False);
    }
}
