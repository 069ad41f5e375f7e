using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridCase.Persistence;

internal sealed class UnitCodeConverter() : ValueConverter<UnitCode, string>(code => code.Value, value => UnitCode.Parse(value));

/// <summary>Every time is stored in UTC and comes back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
