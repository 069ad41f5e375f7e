using GridCase.Api;
using GridCase.Api.Infrastructure;

try
{
    var app = GridCaseApp.Build(args);
    await app.RunAsync();
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine($"GridCase: configuration error: {ex.Message}");
    Environment.ExitCode = 2;
}

public partial class Program;
