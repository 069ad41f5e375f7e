using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Auth;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Administration.Units;

/// <summary>
/// Drives the administration API as signed-in users (one client per user) and counts what is stored straight from the
/// database, so a refusal can be shown to have written nothing.
/// </summary>
public sealed class AdminDriver(IServiceProvider services, Func<string, string, Task<HttpClient>> signIn)
{
    /// <summary>The demo city's system administrator (晋城市, 140500).</summary>
    public const string CityAdmin = "sysadmin";

    /// <summary>沁水县's own system administrator, added by <see cref="AddUserAsync"/> (the users API is not needed for it).</summary>
    public const string CountyAdmin = "admin140521";

    public const string Password = "demo-admin-1";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public static async Task<HttpClient> SignInAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password });
        var token = await JsonAsync(response, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Adds a user straight to the database (password <see cref="Password"/>).</summary>
    public async Task AddUserAsync(string userName, Role role, string unit)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var hash = scope.ServiceProvider.GetRequiredService<PasswordHashing>().Hash(Password);
        db.Users.Add(new User(userName, userName, role, UnitCode.Parse(unit), hash));
        await db.SaveChangesAsync();
    }

    public async Task<HttpClient> ClientAsync(string userName, string password = "demo")
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = await signIn(userName, password);
            _clients[userName] = client;
        }

        return client;
    }

    private Task<HttpClient> AdminClientAsync(string userName) =>
        ClientAsync(userName, userName == CityAdmin ? "demo" : Password);

    public async Task<HttpResponseMessage> GetAsync(string userName, string path) =>
        await (await AdminClientAsync(userName)).GetAsync(path);

    public async Task<HttpResponseMessage> PostAsync(string userName, string path, object body) =>
        await (await AdminClientAsync(userName)).PostAsJsonAsync(path, body);

    public async Task<HttpResponseMessage> PostJsonTextAsync(string userName, string path, string json) =>
        await (await AdminClientAsync(userName)).PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<HttpResponseMessage> PatchAsync(string userName, string path, string json) =>
        await (await AdminClientAsync(userName)).PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<HttpResponseMessage> ImportAsync(string userName, string mediaType, string text, bool dryRun) =>
        await (await AdminClientAsync(userName)).PostAsync($"/api/admin/units/import?dryRun={(dryRun ? "true" : "false")}",
            new StringContent(text, Encoding.UTF8, mediaType));

    /// <summary>Creates a unit (201) as <paramref name="userName"/> and returns it.</summary>
    public async Task<JsonElement> CreateAsync(string userName, object body) =>
        await JsonAsync(await PostAsync(userName, "/api/admin/units", body), HttpStatusCode.Created);

    public async Task<JsonElement> RetireAsync(string userName, string code, string reason = "行政区划调整") =>
        await JsonAsync(await PostAsync(userName, $"/api/admin/units/{code}/retire", new { reason }), HttpStatusCode.OK);

    public async Task<int> UnitCountAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GridCaseDb>().OrgUnits.CountAsync();
    }

    public async Task<int> ChangeCountAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GridCaseDb>().AdminChanges.CountAsync();
    }

    /// <summary>The change log as <paramref name="userName"/> reads it (a query string may follow the path).</summary>
    public async Task<List<JsonElement>> ChangesAsync(string userName, string query = "")
    {
        var page = await JsonAsync(await (await ClientAsync(userName, userName is CityAdmin or "auditor" ? "demo" : Password))
            .GetAsync("/api/admin/changes" + query), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails refusal with the status; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a 400 that names <paramref name="field"/> among its errors; returns the messages for it.</summary>
    public static async Task<string[]> FieldProblemAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Does.Contain(field), problem.ToString());
        return errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    /// <summary>The problems of an import report or refusal as "line:field".</summary>
    public static List<string> LinesAndFields(JsonElement report) =>
        report.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("line").GetInt32()}:{p.GetProperty("field").GetString()}").ToList();

    /// <summary>A file of <c>samples/import/</c> in the repository, as shipped.</summary>
    public static string SampleFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GridCase.sln")))
            {
                return File.ReadAllText(Path.Combine(directory.FullName, "samples", "import", name));
            }
        }

        throw new InvalidOperationException($"GridCase.sln not found above {AppContext.BaseDirectory}.");
    }
}
