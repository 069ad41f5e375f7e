using GridCase.Workflows.Definitions;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// GridCase writes its messages as "中文 / English". A caller that names its language (<c>Accept-Language: zh-CN</c> or
/// <c>en</c>, as the console does) gets only that half of each pair in a ProblemDetails' title, detail and field errors;
/// a caller that names none gets both, as before. Messages that are not such a pair are left as they are.
/// </summary>
public static class ProblemLanguage
{
    public enum Choice
    {
        Both,
        Chinese,
        English,
    }

    /// <summary>The caller's first language by quality: Chinese, English, or none named (both).</summary>
    public static Choice For(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        var first = languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault(l => (l.Quality ?? 1) > 0)?.Value.Value;
        return first switch
        {
            null or "*" => Choice.Both,
            _ when first.StartsWith("en", StringComparison.OrdinalIgnoreCase) => Choice.English,
            _ when first.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => Choice.Chinese,
            _ => Choice.Both,
        };
    }

    /// <summary>One half of a "中文 / English" pair (the separator as <see cref="ProblemCodes.PairSeparatorAt"/> finds it).</summary>
    public static string? Pick(string? text, Choice choice)
    {
        if (text is null || choice == Choice.Both)
        {
            return text;
        }

        var at = ProblemCodes.PairSeparatorAt(text);
        return at < 0 ? text : choice == Choice.Chinese ? text[..at] : text[(at + ProblemCodes.PairSeparator.Length)..];
    }

    /// <summary>Rewrites a problem in the caller's language (the hook of <c>AddProblemDetails</c>).</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var choice = For(context.HttpContext.Request);
        if (choice == Choice.Both)
        {
            return;
        }

        var problem = context.ProblemDetails;
        problem.Title = Pick(problem.Title, choice);
        problem.Detail = Pick(problem.Detail, choice);
        if (problem.Extensions.TryGetValue("problems", out var listed) && listed is IReadOnlyList<Workflows.ProblemResponse> definitionProblems)
        {
            problem.Extensions["problems"] = Workflows.ProblemResponse.In(definitionProblems, choice);
        }

        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors.ToList())
            {
                validation.Errors[field] = messages.Select(m => Pick(m, choice)!).ToArray();
            }
        }
    }
}
