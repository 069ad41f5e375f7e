using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Administration;
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
        ["140599001001001", "140599001001002", "140599001002001", "140599002001001", "140599002001002", "140599002001003"];

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

    /// <summary>
    /// Creates 示例县 (140599) under the demo city straight in the database, as the units import will: two townships,
    /// three villages, six grids, two departments; then reloads the organisation on this node.
    /// </summary>
    public static async Task AddSampleCountyAsync(this GridCaseApiFactory api)
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
            var city = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == UnitCode.Parse("140500"));
            var county = OrgUnit.Area(UnitCode.Parse(SampleCounty), "示例县", city);
            var units = new List<OrgUnit> { county };
            OrgUnit Add(OrgUnit unit)
            {
                units.Add(unit);
                return unit;
            }

            foreach (var (township, villages) in new[] { ("001", new[] { "001", "002" }), ("002", new[] { "001" }) })
            {
                var t = Add(OrgUnit.Area(UnitCode.Parse(SampleCounty + township), $"示例{township}镇", county));
                foreach (var village in villages)
                {
                    var v = Add(OrgUnit.Area(UnitCode.Parse(t.Code.Value + village), $"示例{township}{village}村", t));
                    foreach (var grid in SampleGrids.Where(g => g.StartsWith(v.Code.Value, StringComparison.Ordinal)))
                    {
                        Add(OrgUnit.Area(UnitCode.Parse(grid), $"{v.Name}第{grid[^1]}网格", v)).Describe(GridType.Rural, null, null);
                    }
                }
            }

            Add(OrgUnit.Department(UnitCode.Parse(SampleCounty + "GA"), "示例县公安局", county));
            Add(OrgUnit.Department(UnitCode.Parse(SampleCounty + "HB"), "示例县生态环境局", county));
            db.OrgUnits.AddRange(units);
            await scope.ServiceProvider.GetRequiredService<AdminLog>().TouchAsync(ReferenceVersionRow.Organisation, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await api.Services.GetRequiredService<ReferenceData>().RefreshAsync();
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
