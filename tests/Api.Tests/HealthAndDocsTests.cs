using System.Net;
using System.Text.Json;

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

    [Test]
    public async Task Every_route_documents_its_error_responses_an_operation_id_and_the_bearer_scheme()
    {
        using var document = JsonDocument.Parse(await SharedApi.Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.That((scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()), Is.EqualTo(("http", "bearer")));

        var missing = new List<string>();
        var ids = new List<string>();
        var operations = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var route = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                var statuses = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
                var secured = op.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
                var takesInput = op.TryGetProperty("requestBody", out _) || (op.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0);
                var expected = new List<string>();
                if (takesInput)
                {
                    expected.Add("400");
                }

                if (path.Name != "/api/auth/token")
                {
                    expected.AddRange(["401", "403"]);
                    if (!secured)
                    {
                        missing.Add($"{route}: no bearer requirement");
                    }
                }

                if (path.Name.Contains('{'))
                {
                    expected.Add("404");
                }

                if (operation.Name != "get" && path.Name != "/api/auth/token")
                {
                    expected.Add("409");
                }

                if (!statuses.Any(s => s.StartsWith('4')))
                {
                    missing.Add($"{route}: no 4xx response");
                }

                missing.AddRange(expected.Where(s => !statuses.Contains(s)).Select(s => $"{route}: no {s}"));
                foreach (var status in statuses.Where(s => s.StartsWith('4')))
                {
                    var content = op.GetProperty("responses").GetProperty(status).TryGetProperty("content", out var c) ? c : default;
                    if (content.ValueKind != JsonValueKind.Object || !content.TryGetProperty("application/problem+json", out _))
                    {
                        missing.Add($"{route}: {status} is not application/problem+json");
                    }
                }

                ids.Add(op.TryGetProperty("operationId", out var id) ? id.GetString()! : $"(none: {route})");
            }
        }

        Assert.That(operations, Is.GreaterThan(50));
        Assert.That(missing, Is.Empty);
        Assert.That(ids.Where(i => i.StartsWith("(none", StringComparison.Ordinal)), Is.Empty);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task The_draft_body_has_a_documented_schema_and_descriptions_come_from_the_xml_comments()
    {
        using var document = JsonDocument.Parse(await SharedApi.Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var root = document.RootElement;
        var body = root.GetProperty("paths").GetProperty("/api/workflow-definitions/{id}/draft").GetProperty("put")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var reference = body.GetProperty("$ref").GetString()!;
        var schema = root.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]);

        Assert.That(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "id", "name", "nodes", "connections" }));
        Assert.That(schema.GetProperty("description").GetString(), Does.Contain("workflow definition document"));
        Assert.That(schema.GetProperty("properties").GetProperty("nodes").GetProperty("description").GetString(), Is.EqualTo("The steps."));
    }
}
