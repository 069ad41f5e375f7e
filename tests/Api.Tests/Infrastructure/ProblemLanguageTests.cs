using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Infrastructure;

namespace GridCase.Api.Tests.Infrastructure;

/// <summary>Problems answer in the language the caller names (Accept-Language), both halves when it names none.</summary>
public sealed class ProblemLanguageTests
{
    [TestCase("请填写标题 / title is required.", ProblemLanguage.Choice.Chinese, "请填写标题")]
    [TestCase("请填写标题 / title is required.", ProblemLanguage.Choice.English, "title is required.")]
    [TestCase("请填写标题 / title is required.", ProblemLanguage.Choice.Both, "请填写标题 / title is required.")]
    [TestCase("gridCode must be a 15-digit grid code.", ProblemLanguage.Choice.Chinese, "gridCode must be a 15-digit grid code.")]
    [TestCase("a / b 不是中文在前", ProblemLanguage.Choice.English, "a / b 不是中文在前")]
    [TestCase("单位 140521GA / 140521HB 不存在 / units 140521GA / 140521HB do not exist.", ProblemLanguage.Choice.English, "units 140521GA / 140521HB do not exist.")]
    [TestCase("单位 140521GA / 140521HB 不存在 / units 140521GA / 140521HB do not exist.", ProblemLanguage.Choice.Chinese, "单位 140521GA / 140521HB 不存在")]
    [TestCase("网格已撤销 / grid 沁水一网格 is retired.", ProblemLanguage.Choice.English, "grid 沁水一网格 is retired.")]
    public void Pick_keeps_one_half_of_a_chinese_english_pair(string text, ProblemLanguage.Choice choice, string expected) =>
        Assert.That(ProblemLanguage.Pick(text, choice), Is.EqualTo(expected));

    [TestCase("en-US,en;q=0.9", "title is required.")]
    [TestCase("zh-CN,zh;q=0.9,en;q=0.5", "请填写标题")]
    [TestCase("fr;q=0.2,en;q=0.8", "title is required.")]
    [TestCase(null, "请填写标题 / title is required.")]
    public async Task A_validation_problem_speaks_the_callers_language(string? acceptLanguage, string expected)
    {
        using var client = await SharedApi.Factory.ClientForAsync("g140521100001001");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new { catalogueItemCode = "QS-01-001", gridCode = "140521100001001", channel = "GridPatrol", title = "" }),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo(expected));
    }
}
