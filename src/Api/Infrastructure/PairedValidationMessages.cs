using System.Globalization;
using FluentValidation.Resources;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// FluentValidation's own messages (a length or a range without a message of ours) as "中文 / English" pairs, from its
/// Chinese and English translations, so that <see cref="ProblemLanguage"/> can pick one like any other message.
/// </summary>
public sealed class PairedValidationMessages : LanguageManager
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public override string GetString(string key, CultureInfo? culture = null)
    {
        var chinese = base.GetString(key, Chinese);
        var english = base.GetString(key, English);
        return string.IsNullOrEmpty(chinese) || chinese == english ? english : $"{chinese} / {english}";
    }
}
