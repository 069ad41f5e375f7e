using GridCase.Api.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace GridCase.Api.Tests.Web;

public sealed class ConsoleRoutesTests
{
    // What the console's build writes to wwwroot/routes.json (src/Web/src/routeTable.ts).
    private static readonly ConsoleRoutes Routes = new(["/designer", "/queue", "/queue/:taskId", "/replay", "/replay/:caseId"]);

    [TestCase("/designer")]
    [TestCase("/queue")]
    [TestCase("/queue/")]
    [TestCase("/queue/3f2b8c1e00004000800000000000000a-triage-1")]
    [TestCase("/replay")]
    [TestCase("/replay/3f2b8c1e-0000-4000-8000-000000000001")]
    public void A_console_route_falls_back_to_the_app(string path) => Assert.That(Routes.Matches(new PathString(path)), Is.True);

    [TestCase("/")]
    [TestCase("/api/tasks")]
    [TestCase("/health/live")]
    [TestCase("/swagger/index.html")]
    [TestCase("/Designer")]
    [TestCase("/queue/a/b")]
    [TestCase("/replay//x")]
    [TestCase("/replay/a/b")]
    [TestCase("/designerx")]
    public void Any_other_path_is_left_to_the_api_and_the_static_files(string path) =>
        Assert.That(Routes.Matches(new PathString(path)), Is.False);

    [Test]
    public void The_routes_are_read_from_routes_json_in_the_web_root()
    {
        var root = Directory.CreateTempSubdirectory("gridcase-console-routes");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, ConsoleRoutes.FileName), """["/queue", "/cases/:id"]""");
            using var files = new PhysicalFileProvider(root.FullName);

            var routes = ConsoleRoutes.Load(files);

            Assert.Multiple(() =>
            {
                Assert.That(routes.Matches(new PathString("/cases/42")), Is.True);
                Assert.That(routes.Matches(new PathString("/queue")), Is.True);
                Assert.That(routes.Matches(new PathString("/designer")), Is.False);
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Test]
    public void Without_a_built_console_no_path_falls_back() =>
        Assert.That(ConsoleRoutes.Load(new NullFileProvider()).Matches(new PathString("/queue")), Is.False);
}
