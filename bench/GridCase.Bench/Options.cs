using System.Globalization;

namespace GridCase.Bench;

/// <summary>The command line: <c>--cases N [--db sqlite|postgres] [--rate R] [--clients C]</c> and a few knobs.</summary>
public sealed record BenchOptions
{
    public int Cases { get; init; } = 500;
    public string Db { get; init; } = "sqlite";
    public double? Rate { get; init; }
    public int Clients { get; init; } = 8;
    public int Warmup { get; init; } = 2000;
    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("GRIDCASE_TEST_POSTGRES");
    public double BaselineSeconds { get; init; } = 3;
    public int PeerCases { get; init; } = 2000;

    /// <summary>Instead of the case loop: ordinary traffic idle and during a wrong-password flood (see <see cref="GridCase.Bench.SignInFlood"/>).</summary>
    public bool SignInFlood { get; init; }
    public int FloodClients { get; init; } = 32;
    public double FloodTraffic { get; init; } = 40;
    public double FloodSeconds { get; init; } = 20;

    /// <summary>Extra <c>--Key=value</c> arguments for the server of the flood run (e.g. another password-check bound).</summary>
    public IReadOnlyList<string> ServerArgs { get; init; } = [];

    public const string Usage =
        "usage: dotnet run -c Release --project bench/GridCase.Bench -- --cases N [--db sqlite|postgres] [--rate R] [--clients C]\n" +
        "       [--warmup W (2000)] [--pg <connection string> (else env GRIDCASE_TEST_POSTGRES)] [--baseline-seconds S (3)] [--peer-cases P (2000)]\n" +
        "   or: dotnet run -c Release --project bench/GridCase.Bench -- --signin-flood [--flood-clients C (32)] [--flood-traffic R/s (40)] [--flood-seconds S (20)]\n" +
        "       [--server-arg --Key=value ...]";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--cases" => o with { Cases = PositiveInt(Next(), "--cases") },
                "--db" => o with { Db = Next() is "sqlite" or "postgres" ? args[i] : throw new ArgumentException("--db must be sqlite or postgres.") },
                "--rate" => o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) is > 0 and var r ? r : throw new ArgumentException("--rate must be > 0.") },
                "--clients" => o with { Clients = PositiveInt(Next(), "--clients") },
                "--warmup" => o with { Warmup = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pg" => o with { Postgres = Next() },
                "--baseline-seconds" => o with { BaselineSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--peer-cases" => o with { PeerCases = PositiveInt(Next(), "--peer-cases") },
                "--signin-flood" => o with { SignInFlood = true },
                "--flood-clients" => o with { FloodClients = PositiveInt(Next(), "--flood-clients") },
                "--flood-traffic" => o with { FloodTraffic = PositiveInt(Next(), "--flood-traffic") },
                "--flood-seconds" => o with { FloodSeconds = PositiveInt(Next(), "--flood-seconds") },
                "--server-arg" => o with { ServerArgs = [.. o.ServerArgs, Next()] },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        if (o.Db == "postgres" && string.IsNullOrWhiteSpace(o.Postgres))
        {
            throw new ArgumentException("--db postgres needs --pg <connection string> or GRIDCASE_TEST_POSTGRES.");
        }

        return o;
    }

    private static int PositiveInt(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer.");
}
