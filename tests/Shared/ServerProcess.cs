using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GridCase.Testing;

/// <summary>
/// The real server: <c>dotnet GridCase.Api.dll</c> on 127.0.0.1 and a free port, demo data in its own data folder.
/// <see cref="StartAsync"/> returns once the first command (POST /api/auth/token) has been answered 200, and
/// says how long that took from the process start. Shared by the bench and the API tests (linked into both).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public TimeSpan FirstCommand { get; private set; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the server has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridCase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GridCase.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The build of the API in <paramref name="configuration"/>, built (without the web console) when missing.</summary>
    public static string EnsureApiBuilt(string root, string configuration = "Release")
    {
        var dll = Path.Combine(root, "src", "Api", "bin", configuration, "net10.0", "GridCase.Api.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        Console.WriteLine($"building src/Api ({configuration}, without the web console) ...");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "Api"), "-c", configuration, "-p:SkipWebConsole=true", "-v", "q", "-nologo"])
        {
            WorkingDirectory = root,
        })!;
        build.WaitForExit();
        return build.ExitCode == 0 && File.Exists(dll) ? dll : throw new InvalidOperationException("building src/Api failed.");
    }

    /// <summary>
    /// The API as it is deployed: published for this platform with ReadyToRun code (compiled ahead of time, so a
    /// start does not wait for the JIT), without the web console, into <c>artifacts/server</c>. Published every time
    /// (incremental), so it is never stale.
    /// </summary>
    public static string PublishApi(string root)
    {
        var output = Path.Combine(root, "artifacts", "server");
        Console.WriteLine("publishing src/Api (Release, ReadyToRun, without the web console) ...");
        using var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root, "src", "Api"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true",
             "-p:SkipWebConsole=true", "-o", output, "-v", "q", "-nologo"])
        {
            WorkingDirectory = root,
        })!;
        publish.WaitForExit();
        var dll = Path.Combine(output, "GridCase.Api.dll");
        return publish.ExitCode == 0 && File.Exists(dll) ? dll : throw new InvalidOperationException("publishing src/Api failed.");
    }

    public static async Task<ServerProcess> StartAsync(
        string dll, string dataDirectory, string? postgresConnectionString, CancellationToken ct, IEnumerable<string>? extraArguments = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Every client of the harness is on 127.0.0.1 and signs in as the same few demo users: no sign-in limits by address or name.
        foreach (var arg in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{port}", "--GridCase:Demo=true", $"--GridCase:DataDirectory={dataDirectory}",
                     "--GridCase:Auth:SignIn:PerAddressPerMinute=1000000", "--GridCase:Auth:SignIn:PerUserPerMinute=1000000",
                     // The harness and the benchmark drive the v1 loop: new cases stay on it after later versions ship.
                     "--GridCase:Workflows:StartVersion:event-handling=1",
                 }.Concat(extraArguments ?? []))
        {
            info.ArgumentList.Add(arg);
        }

        if (postgresConnectionString is not null)
        {
            info.ArgumentList.Add("--GridCase:Database:Provider=postgres");
            info.ArgumentList.Add($"--ConnectionStrings:GridCase={postgresConnectionString}");
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode}:\n{server.Tail()}");
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"the server did not answer within 3 minutes:\n{server.Tail()}");
            }

            try
            {
                using var body = new StringContent("""{"username":"d140521100","password":"demo"}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("/api/auth/token", body, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.FirstCommand = clock.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // slow answer while starting
            }

            await Task.Delay(5, ct);
        }
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// kill -9: <see cref="Process.Kill()"/> is SIGKILL on Linux, so the server gets no chance to finish a request,
    /// flush or shut down. Returns once the process is gone.
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
