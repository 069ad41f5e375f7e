using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Administration;

/// <summary>Outside demo mode, the first system administrator comes from GridCase:Bootstrap:*, once.</summary>
public sealed class BootstrapTests
{
    private const string SigningKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    public static Dictionary<string, string> Production(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["GridCase:Demo"] = "false", ["GridCase:Auth:SigningKey"] = SigningKey };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Dictionary<string, string> WithAdministrator(string password = "first-admin-pw") => Production(
        ("GridCase:Bootstrap:AdminUser", "root"),
        ("GridCase:Bootstrap:AdminPassword", password),
        ("GridCase:Bootstrap:City", "140500"),
        ("GridCase:Bootstrap:CityName", "晋城市"));

    [Test]
    public async Task An_empty_database_without_the_bootstrap_keys_stops_the_server_with_one_line_naming_both_keys()
    {
        var (exitCode, errors) = await RunServerUntilExitAsync();

        Assert.That(exitCode, Is.EqualTo(2), errors);
        var line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("GridCase:", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("GridCase:Bootstrap:AdminUser").And.Contain("GridCase:Bootstrap:AdminPassword"));
    }

    [Test]
    public async Task A_short_bootstrap_password_stops_the_server_naming_the_key()
    {
        var (exitCode, errors) = await RunServerUntilExitAsync("--GridCase:Bootstrap:AdminUser=root", "--GridCase:Bootstrap:AdminPassword=short");

        Assert.That(exitCode, Is.EqualTo(2), errors);
        Assert.That(errors, Does.Contain("configuration error: GridCase:Bootstrap:AdminPassword must have at least 8 characters."));
    }

    /// <summary>The real server process in production mode on an empty SQLite folder; its exit code and standard error.</summary>
    private static async Task<(int ExitCode, string Errors)> RunServerUntilExitAsync(params string[] arguments)
    {
        var data = Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "GridCase.Api.dll"), "--contentRoot", Path.Combine(GridCase.Testing.ServerProcess.RepoRoot(), "src", "Api"),
                     "--urls", "http://127.0.0.1:0", $"--GridCase:DataDirectory={data}", $"--GridCase:Auth:SigningKey={SigningKey}",
                 }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }

        return (process.ExitCode, await errors);
    }

    [Test]
    public async Task The_first_administrator_signs_in_as_the_citys_system_administrator_and_is_recorded()
    {
        await using var api = new GridCaseApiFactory(settings: WithAdministrator());
        var client = api.CreateClient();

        var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "root", password = "first-admin-pw" });

        var body = await OkJson(token);
        Assert.That(body.GetProperty("role").GetString(), Is.EqualTo("SystemAdmin"));
        Assert.That(body.GetProperty("unit").GetString(), Is.EqualTo("140500"));
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCase.Persistence.GridCaseDb>();
        var change = db.AdminChanges.Single();
        Assert.That((change.Kind, change.Subject, change.ActorUserId), Is.EqualTo(("AdministratorBootstrapped", "root", "system")));
        Assert.That(change.Data, Does.Not.Contain("first-admin-pw"));
        Assert.That(db.OrgUnits.Select(u => u.Code.Value).ToList(), Is.EqualTo(new[] { "140500" }), "only the city; no demo data");
    }

    [Test]
    public async Task The_bootstrap_keys_create_the_administrator_once_and_are_ignored_afterwards()
    {
        var data = Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new GridCaseApiFactory(dataDirectory: data, settings: WithAdministrator()))
            {
                first.CreateClient();
            }

            await using var second = new GridCaseApiFactory(dataDirectory: data, settings: WithAdministrator(password: "another-password"));
            var client = second.CreateClient();

            var old = await client.PostAsJsonAsync("/api/auth/token", new { username = "root", password = "first-admin-pw" });
            var changed = await client.PostAsJsonAsync("/api/auth/token", new { username = "root", password = "another-password" });

            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<System.Text.Json.JsonElement> OkJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}
