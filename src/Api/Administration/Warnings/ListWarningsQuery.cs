using GridCase.Api.Administration.Calendar;
using Mediator;

namespace GridCase.Api.Administration.Warnings;

public sealed record ListWarningsQuery : IQuery<IReadOnlyList<AdminWarning>>;

public sealed class ListWarningsHandler(CalendarWarnings calendar) : IQueryHandler<ListWarningsQuery, IReadOnlyList<AdminWarning>>
{
    public ValueTask<IReadOnlyList<AdminWarning>> Handle(ListWarningsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(calendar.Current());
}
