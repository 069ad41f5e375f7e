using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using GridCase.Persistence.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>Signing in with any password, reading answers and problems, and looking into the database behind the API.</summary>
public static class UsersKit
{
    public const string Password = "Passw0rd-1";

    /// <summary>The sample county of <c>samples/import/users.csv</c> (示例县), which the units import would create.</summary>
    public const string SampleCounty = "140599";

    public static readonly string[] SampleGrids =
        ["140599100001001", "140599100001002", "140599100002001", "140599200001001", "140599200001002", "140599100002002"];

    /// <summary>The sample file shipped in the repository (found from the test's folder upwards).</summary>
    public static string SampleUsersFile
    {
        get
        {
            var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GridCase.sln")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("GridCase.sln"), "samples", "import", "users.csv");
        }
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient anonymous, string userName, string password) =>
        await anonymous.PostAsJsonAsync("/api/auth/token", new { username = userName, password });

    /// <summary>A client signed in as <paramref name="userName"/> (200 asserted).</summary>
    public static async Task<HttpClient> ClientAsync(this GridCaseApiFactory api, string userName, string password)
    {
        var client = api.CreateClient();
        var token = await JsonAsync(await SignInAsync(client, userName, password), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public static HttpClient WithToken(this GridCaseApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> CreateUserAsync(this HttpClient admin, string userName, string role, string unitCode, string? displayName = null, string password = Password) =>
        admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = displayName ?? userName + " 测试", role, unitCode, password });

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body) =>
        client.PatchAsync(path, JsonContent.Create(body));

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string path, string csv) =>
        client.PostAsync(path, new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with its status and the end of its <c>type</c>; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? type = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        if (type is not null)
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/" + type), text);
        }

        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task FieldProblemAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    public static async Task<T> InDatabaseAsync<T>(this GridCaseApiFactory api, Func<GridCaseDb, Task<T>> read)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GridCaseDb>());
    }

    public static Task<User?> StoredUserAsync(this GridCaseApiFactory api, string userName) =>
        api.InDatabaseAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName));

    public static Task<List<AdminChangeRow>> ChangesOfAsync(this GridCaseApiFactory api, string subject) =>
        api.InDatabaseAsync(db => db.AdminChanges.AsNoTracking().Where(c => c.Subject == subject).OrderBy(c => c.Id).ToListAsync());

    public static Task<(int Users, int Changes)> CountAsync(this GridCaseApiFactory api) =>
        api.InDatabaseAsync(async db => (await db.Users.CountAsync(), await db.AdminChanges.CountAsync()));

    /// <summary>Imports 示例县 (140599: two townships, three villages, six grids, three departments) under the demo city.</summary>
    public static async Task AddSampleCountyAsync(this GridCaseApiFactory api)
    {
        // The shipped sample (samples/import/units.csv) through the import route, as the demo city's system administrator.
        using var admin = await api.ClientAsync("sysadmin", "demo");
        var units = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(SampleUsersFile)!, "units.csv"));
        var applied = await JsonAsync(await admin.PostCsvAsync("/api/admin/units/import?dryRun=false", units), HttpStatusCode.OK);
        Assert.That(applied.GetProperty("applied").GetBoolean(), Is.True, applied.ToString());
    }

    /// <summary>Adds a retired village under 梅杏社区's township, for the refusals that need one.</summary>
    public static async Task<string> AddRetiredVillageAsync(this GridCaseApiFactory api, string code)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var townshipCode = UnitCode.Parse(code[..9]);
        var township = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == townshipCode);
        var village = OrgUnit.Area(UnitCode.Parse(code), "已撤销村", township);
        village.Retire(DateTime.UtcNow);
        db.OrgUnits.Add(village);
        await db.SaveChangesAsync();
        return code;
    }
}
