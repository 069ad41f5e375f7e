using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Auth;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Administration;

/// <summary>
/// More system administrators than the demo's one <c>sysadmin</c> (city), written straight into the database, password
/// <c>demo</c>: the four-eyes rule needs a second, scoping needs county ones.
/// </summary>
internal static class TestAdministrators
{
    /// <summary>A second city administrator.</summary>
    public const string City2 = "sysadmin2";

    /// <summary>沁水县 (140521).</summary>
    public const string Qinshui = "admin140521";

    /// <summary>A second administrator of 沁水县.</summary>
    public const string Qinshui2 = "admin140521b";

    /// <summary>城区 (140502).</summary>
    public const string Chengqu = "admin140502";

    public static async Task AddAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var hash = scope.ServiceProvider.GetRequiredService<PasswordHashing>().Hash("demo");
        (string Name, string Unit)[] admins = [(City2, "140500"), (Qinshui, "140521"), (Qinshui2, "140521"), (Chengqu, "140502")];
        db.Users.AddRange(admins.Select(a => new User(a.Name, a.Name, Role.SystemAdmin, UnitCode.Parse(a.Unit), hash)));
        await db.SaveChangesAsync();
    }

    /// <summary>A client signed in as a user with password <c>demo</c> (for factories derived with a different clock).</summary>
    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "demo" })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field names of a 400's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
}
