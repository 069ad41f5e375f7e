using System.Globalization;
using FluentValidation;

namespace GridCase.Api.Administration.Calendar.UploadCalendar;

/// <summary>Every mistake in the document named by its place (<c>holidays[3].date</c>), before the domain builds the schedule.</summary>
public sealed class UploadCalendarValidator : AbstractValidator<UploadCalendarCommand>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxSourceLength = 2000;
    public const int MaxNameLength = 50;

    public UploadCalendarValidator()
    {
        RuleFor(c => c.RouteYear).InclusiveBetween(MinYear, MaxYear).OverridePropertyName("year")
            .WithMessage($"年份须在 {MinYear}–{MaxYear} 之间 / year must be {MinYear}–{MaxYear}.");
        RuleFor(c => c.Year).NotNull().WithMessage("请填写年份 / year is required.");
        RuleFor(c => c.Year).Equal(c => c.RouteYear).When(c => c.Year is not null)
            .WithMessage(c => $"文件中的年份 {c.Year} 与路径中的 {c.RouteYear} 不一致 / year {c.Year} does not match the year in the route, {c.RouteYear}.");
        RuleFor(c => c.Source).NotEmpty().WithMessage("请注明来源（通知及文号）/ source is required: the notice the schedule is taken from.")
            .MaximumLength(MaxSourceLength).WithMessage($"来源过长 / source has at most {MaxSourceLength} characters.");
        RuleFor(c => c.Holidays).NotNull().WithMessage("请列出放假日期 / holidays is required (a list of {date, name}).");
        RuleFor(c => c.MakeUpWorkdays).NotNull().WithMessage("请列出调休上班日期（可为空列表）/ makeUpWorkdays is required (a list, possibly empty).");
        RuleFor(c => c).Custom((c, context) =>
        {
            var holidays = Days(c.Holidays, "holidays", "放假日期", c.RouteYear, context);
            var makeUp = Days(c.MakeUpWorkdays, "makeUpWorkdays", "调休上班日期", c.RouteYear, context);
            foreach (var (field, date) in makeUp)
            {
                if (holidays.Any(h => h.Date == date))
                {
                    context.AddFailure(field, $"{Iso(date)} 同时列为放假日和调休上班日 / {Iso(date)} is listed both as a holiday and as a make-up workday.");
                }
                else if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    context.AddFailure(field, $"{Iso(date)} 不是周六或周日，不能调休上班 / {Iso(date)} is a {date.DayOfWeek}; only a Saturday or Sunday can be a make-up workday.");
                }
            }
        });
    }

    /// <summary>The readable dates of one list, with their places; every unreadable, misplaced or repeated one is a failure.</summary>
    private static List<(string Field, DateOnly Date)> Days(
        IReadOnlyList<DayInput?>? days, string list, string label, int year, ValidationContext<UploadCalendarCommand> context)
    {
        var read = new List<(string Field, DateOnly Date)>();
        for (var i = 0; i < (days?.Count ?? 0); i++)
        {
            var place = $"{list}[{i}]";
            if (days![i] is not { } day)
            {
                context.AddFailure(place, $"{label}不能为空 / {place} cannot be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Length > MaxNameLength)
            {
                context.AddFailure(place + ".name", $"请填写名称（至多 {MaxNameLength} 字）/ {place}.name is required, at most {MaxNameLength} characters.");
            }

            if (!DateOnly.TryParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                context.AddFailure(place + ".date", $"日期格式应为 yyyy-MM-dd / {place}.date must be a date such as {year}-10-01.");
            }
            else if (date.Year != year)
            {
                context.AddFailure(place + ".date", $"{day.Date} 不在 {year} 年 / {place}.date {day.Date} is not in {year}.");
            }
            else if (read.Any(r => r.Date == date))
            {
                context.AddFailure(place + ".date", $"{day.Date} 重复列出 / {place}.date {day.Date} is listed twice.");
            }
            else
            {
                read.Add((place + ".date", date));
            }
        }

        return read;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
