using System.Globalization;
using GridCase.Api.Reference.GetCalendar;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Persistence;
using GridCase.Persistence.Administration;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Calendar.UploadCalendar;

/// <summary>
/// Stores the year's schedule (replacing an uploaded or shipped one), records who uploaded it, and reloads the working
/// calendar at once on this node (others within seconds): deadlines computed from then on follow it.
/// </summary>
public sealed class UploadCalendarHandler(GridCaseDb db, AdminLog log, ReferenceData referenceData, CalendarSnapshot calendar, TimeProvider clock)
    : ICommandHandler<UploadCalendarCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(UploadCalendarCommand command, CancellationToken cancellationToken)
    {
        var schedule = new HolidaySchedule(command.RouteYear, command.Source!,
            command.Holidays!.Select(Day), command.MakeUpWorkdays!.Select(Day));
        var previous = calendar.Current.ScheduleFor(schedule.Year);
        try
        {
            await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
            var row = await db.HolidaySchedules.SingleOrDefaultAsync(s => s.Year == schedule.Year, cancellationToken);
            var at = clock.GetUtcNow().UtcDateTime;
            if (row is null)
            {
                db.HolidaySchedules.Add(new HolidayScheduleRow { Year = schedule.Year, Document = schedule.ToJson(), UploadedBy = command.Caller.UserId, UploadedAt = at });
            }
            else
            {
                row.Document = schedule.ToJson();
                row.UploadedBy = command.Caller.UserId;
                row.UploadedAt = at;
            }

            log.Record(command.Caller, AdminChangeKinds.CalendarUploaded, schedule.Year.ToString(CultureInfo.InvariantCulture), command.Caller.Unit!.Value.Value, new
            {
                source = schedule.Source,
                holidays = schedule.Holidays.Count,
                makeUpWorkdays = schedule.MakeUpWorkdays.Count,
                replaced = previous is null ? null : row is null ? "shipped" : "uploaded",
            });
            await log.TouchAsync(ReferenceVersionRow.Calendar, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first uploads of the same year at the same moment: the other one was stored.
            throw new InvalidTransitionException("concurrent-change", "该年节假日安排刚被他人上传，请重试 / The schedule of this year was uploaded by someone else at the same moment; upload it again.");
        }

        await referenceData.RefreshAsync(cancellationToken);
        return CalendarResponse.From(schedule, calendar.Current.OfficeHours);
    }

    private static ScheduledDay Day(DayInput? day) =>
        new(DateOnly.ParseExact(day!.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture), day.Name!.Trim());
}
