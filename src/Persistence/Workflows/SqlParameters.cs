using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// Parameters for hand-written SQL, typed through the provider's own mappings: a null is bound with its column's
/// type (PostgreSQL needs that), a Guid as SQLite's text, a time in UTC as the model's converter would store it.
/// </summary>
internal sealed class SqlParameters : IDisposable
{
    // Looking a mapping up costs microseconds, a lot at some 70 parameters per commit; one source per model.
    private static readonly ConditionalWeakTable<IRelationalTypeMappingSource, Mappings> Cache = [];

    private readonly Mappings _mappings;
    private readonly DbCommand _factory;
    private readonly List<object> _values;

    // Microsoft.Data.Sqlite looks a parameter up by its name as given and, when that fails, again with each prefix
    // (@, $, :): naming it as the SQL does saves the failed scans. Npgsql wants the bare name.
    private readonly string _prefix;

    public SqlParameters(DatabaseFacade database, int capacity = 16)
    {
        _mappings = Cache.GetValue(database.GetService<IRelationalTypeMappingSource>(), source => new Mappings(source));
        _factory = database.GetDbConnection().CreateCommand();
        _values = new List<object>(capacity);
        _prefix = database.IsSqlite() ? "@" : string.Empty;
    }

    public IReadOnlyList<object> Values => _values;

    public int Count => _values.Count;

    public string Add(string? value) => Add(_mappings.String, value);

    public string Add(Guid value) => Add(_mappings.Guid, value);

    public string Add(long value) => Add(_mappings.Long, value);

    public string Add(int value) => Add(_mappings.Int, value);

    public string Add(int? value) => Add(_mappings.Int, value);

    public string Add(bool value) => Add(_mappings.Bool, value);

    public string Add(DateTime value) => Add(_mappings.DateTime, Utc(value));

    public string Add(DateTime? value) => Add(_mappings.DateTime, value is { } v ? Utc(v) : null);

    public void Dispose() => _factory.Dispose();

    private string Add(RelationalTypeMapping mapping, object? value)
    {
        var name = "p" + _values.Count.ToString(CultureInfo.InvariantCulture);
        _values.Add(mapping.CreateParameter(_factory, _prefix + name, value, nullable: value is null));
        return "@" + name;
    }

    private sealed class Mappings(IRelationalTypeMappingSource source)
    {
        public RelationalTypeMapping String { get; } = Find(source, typeof(string));
        public RelationalTypeMapping Guid { get; } = Find(source, typeof(Guid));
        public RelationalTypeMapping Long { get; } = Find(source, typeof(long));
        public RelationalTypeMapping Int { get; } = Find(source, typeof(int));
        public RelationalTypeMapping Bool { get; } = Find(source, typeof(bool));
        public RelationalTypeMapping DateTime { get; } = Find(source, typeof(DateTime));

        private static RelationalTypeMapping Find(IRelationalTypeMappingSource source, Type type) =>
            source.FindMapping(type) ?? throw new InvalidOperationException($"The provider has no mapping for {type}.");
    }

    // The same rule as the model's UtcDateTimeConverter, which hand-written SQL does not pass through.
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
}
