using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>Reports and moves cases through HTTP for the read tests; every case lives in 沁水 (140521).</summary>
internal static class ReadsKit
{
    public const string Grid = "140521100001001";
    public const string Township = "140521100";
    public const string Village = "140521100001";
    public const string Phone = "13812345678";
    public const string MaskedPhone = "138****5678";

    public static async Task<HttpClient> ClientForAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient();
        var token = await JsonAsync(await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "demo" }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonAsync(await client.GetAsync(url), expected);

    public static string TaskAt(JsonElement step, string nodeId) =>
        step.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("nodeId").GetString() == nodeId).GetProperty("id").GetString()!;

    /// <summary>Opens <c>/api/tasks/stream</c> and reads its opening comment; the stream then waits for events.</summary>
    public static async Task<TaskStream> OpenTaskStreamAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync("/api/tasks/stream", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        var stream = new TaskStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
        Assert.That(await stream.Reader.ReadLineAsync(cancellationToken), Is.EqualTo(": open"));
        return stream;
    }

    public sealed class TaskStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public StreamReader Reader { get; } = reader;

        /// <summary>Reads until an <c>event: tasks</c> line (or the end, or the token's time) and returns that line.</summary>
        public async Task<string?> NextTasksEventAsync(CancellationToken cancellationToken)
        {
            string? line;
            do
            {
                line = await Reader.ReadLineAsync(cancellationToken);
            }
            while (line is not null && line != "event: tasks");

            return line;
        }

        public void Dispose()
        {
            Reader.Dispose();
            response.Dispose();
        }
    }

    /// <summary>Reports an event in <see cref="Grid"/> as its grid member, with a reporter whose phone is <see cref="Phone"/>.</summary>
    public static async Task<JsonElement> ReportAsync(HttpClient gridMember, string title)
    {
        var catalogue = await GetAsync(gridMember, "/api/catalogue?county=140521");
        var item = catalogue.GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        return await JsonAsync(await gridMember.PostAsJsonAsync("/api/events", new
        {
            catalogueItemCode = item,
            gridCode = Grid,
            channel = "GridPatrol",
            title,
            description = "读取测试",
            location = new { latitude = 35.69, longitude = 112.18, address = "沁水县龙港镇" },
            reporter = new { name = "张三", phone = Phone },
        }), HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CompleteAsync(HttpClient worker, string taskId, string outcome, object? data = null) =>
        await JsonAsync(await worker.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome, data }), HttpStatusCode.OK);

    /// <summary>Files a reported event at the township with difficulty 2; the scope decides who handles it.</summary>
    public static Task<JsonElement> TriageAsync(HttpClient township, JsonElement created, string scope = "Township") =>
        CompleteAsync(township, TaskAt(created, "triage"), "filed", new { difficulty = 2, scope });

    public static IReadOnlyList<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    public static IReadOnlyList<string> Ids(JsonElement page) => [.. Items(page).Select(i => i.GetProperty("id").GetString()!)];

    public static string Id(JsonElement created) => created.GetProperty("id").GetString()!;
}
