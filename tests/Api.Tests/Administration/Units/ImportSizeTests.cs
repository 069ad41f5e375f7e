using System.Net;
using System.Text;
using GridCase.Api.Administration.Units;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Administration.Units;

/// <summary>
/// An import may be larger than the 1 MiB every other request is held to, up to its own limit; the limits are
/// Kestrel's, so this runs a real server (outside demo mode: it starts in seconds).
/// </summary>
public sealed class ImportSizeTests
{
    [Test]
    public async Task An_import_over_one_mebibyte_is_read_and_one_over_its_own_limit_is_413()
    {
        await using var factory = new GridCaseApiFactory();
        var production = SampleImportTests.ProductionMode(factory);
        production.UseKestrel(0);
        production.StartServer();
        var client = await AdminDriver.SignInAsync(production.CreateClient(), SampleImportTests.Root, SampleImportTests.RootPassword);

        var rows = new StringBuilder("code,name,parentCode,gridType\n");
        for (var n = 0; rows.Length < 2 * GridCaseApp.MaxRequestBodyBytes; n++)
        {
            rows.Append($"140599100001{n % 1000:000},网格{n},140599100001,Rural\n");
        }

        var read = await client.PostAsync("/api/admin/units/import?dryRun=true", new StringContent(rows.ToString(), Encoding.UTF8, "text/csv"));
        // With Expect: 100-continue the server's 413 comes before the body is sent (else it closes the connection mid-upload).
        using var oversized = new HttpRequestMessage(HttpMethod.Post, "/api/admin/units/import?dryRun=true")
        {
            Content = new StringContent(new string('x', (int)UnitRoutes.MaxImportBytes + 1), Encoding.UTF8, "text/csv"),
        };
        oversized.Headers.ExpectContinue = true;
        var tooLarge = await client.SendAsync(oversized);

        var report = await AdminDriver.JsonAsync(read, HttpStatusCode.OK);
        Assert.That(report.GetProperty("valid").GetBoolean(), Is.False, "rows under a village that does not exist");
        await AdminDriver.ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
    }
}
