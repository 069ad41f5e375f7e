using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using GridCase.Testing;

namespace GridCase.Api.Tests.Support;

/// <summary>What the tests need around a real server process: the API build to start and signed-in clients.</summary>
public static class ServerProcessClients
{
    /// <summary>
    /// The API built in this test assembly's configuration: the test project references src/Api, so building the
    /// tests (./test.sh builds the solution first) leaves <c>src/Api/bin/&lt;configuration&gt;</c> up to date.
    /// The web console in wwwroot does not matter to the API.
    /// </summary>
    public static string ApiDll() => ServerProcess.EnsureApiBuilt(
        ServerProcess.RepoRoot(),
        typeof(ServerProcessClients).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug");

    /// <summary>A client of the server signed in as a demo user (password <c>demo</c>).</summary>
    public static async Task<HttpClient> ClientForAsync(this ServerProcess server, string userName)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenBody(string AccessToken);
}
