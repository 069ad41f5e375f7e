using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GridCase.Api.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temporary folder, a free port, trust authentication on
/// 127.0.0.1 only), so that a test may stop and restart it without disturbing the tests sharing the server of
/// the test script. Run as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root), as
/// scripts/postgres.sh does. Without the server's programs the test is skipped — except in CI
/// (GRIDCASE_REQUIRE_POSTGRES=1), where it fails.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private const string Role = "gridcase";
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _data;
    private readonly bool _asPostgresUser;

    private PrivatePostgresServer(string bin, string folder, int port, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>A connection string for the database <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Role, Database = database }.ConnectionString;

    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            const string why = "PostgreSQL's programs (/usr/lib/postgresql/*/bin/pg_ctl) are not installed: scripts/postgres.sh installs them.";
            if (Environment.GetEnvironmentVariable("GRIDCASE_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(why);
            }

            Assert.Ignore(why);
        }

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gridcase-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        var server = new PrivatePostgresServer(bin!, folder, FreePort(), asPostgresUser);
        await server.PgAsync("initdb", ["-D", server._data, "-U", Role, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await server.StartAsync(wait: true);
        return server;
    }

    /// <summary>Stops the server (<paramref name="mode"/>: fast rolls back and disconnects; immediate is a crash) and starts it again.</summary>
    public async Task RestartAsync(string mode)
    {
        await PgAsync("pg_ctl", ["-D", _data, "-m", mode, "-w", "stop"]);
        await StartAsync(wait: true);
    }

    private Task StartAsync(bool wait) => PgAsync("pg_ctl", [
        "-D", _data, "-l", Path.Combine(_folder, "server.log"), wait ? "-w" : "-W",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c max_connections=200", "start",
    ]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task PgAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return _asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
