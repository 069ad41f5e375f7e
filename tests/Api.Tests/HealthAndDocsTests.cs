using System.Net;

namespace GridCase.Api.Tests;

public sealed class HealthAndDocsTests
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_answer_200_without_a_token(string url)
    {
        var response = await SharedApi.Factory.CreateClient().GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_openapi_document_lists_the_public_routes()
    {
        var json = await SharedApi.Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        Assert.That(json, Does.Contain("/api/auth/token").And.Contain("/api/org-units").And.Contain("/api/catalogue").And.Contain("/api/calendar/{year}"));
    }
}
