using GridCase.Api.Administration.Import;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Units.ImportUnits;

/// <summary>
/// Checks the rows of an import against each other and against the units that exist, in whatever order they come: a
/// row's parent is an existing unit of the caller's area or another row of the file. Each good row becomes a unit
/// through <see cref="NewUnit"/>; a row under a bad row is bad too, and says which line its parent is on.
/// </summary>
public sealed class ImportPlan
{
    private readonly IReadOnlyList<ImportRow> _rows;
    private readonly IReadOnlyDictionary<UnitCode, OrgUnit> _existing;
    private readonly CallerScope _scope;
    private readonly List<ImportProblem> _problems;
    private readonly ParsedUnit?[] _parsed;
    private readonly Dictionary<string, int> _rowByCode = new(StringComparer.Ordinal);
    private readonly int[] _state;
    private readonly OrgUnit?[] _units;

    private ImportPlan(IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<UnitCode, OrgUnit> existing, CallerScope scope, List<ImportProblem> problems)
    {
        _rows = rows;
        _existing = existing;
        _scope = scope;
        _problems = problems;
        _parsed = new ParsedUnit?[rows.Count];
        _state = new int[rows.Count];
        _units = new OrgUnit?[rows.Count];
    }

    /// <summary>The units the rows make, parents before children (all rows good), or null with the problems added.</summary>
    public static IReadOnlyList<OrgUnit> Make(
        IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<UnitCode, OrgUnit> existing, CallerScope scope, List<ImportProblem> problems)
    {
        var plan = new ImportPlan(rows, existing, scope, problems);
        plan.ParseRows();
        var ordered = new List<OrgUnit>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            plan.Resolve(i, ordered);
        }

        problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Field, b.Field));
        return ordered;
    }

    /// <summary>Codes the rows name (their own and their parents'), to look up among the existing units.</summary>
    public static List<UnitCode> CodesNamed(IEnumerable<ImportRow> rows) =>
        rows.SelectMany(r => new[] { r.Unit.Code?.Trim(), r.Unit.ParentCode?.Trim() })
            .Select(c => UnitCode.TryParse(c, out var code) ? code : (UnitCode?)null)
            .OfType<UnitCode>().Distinct().ToList();

    private void ParseRows()
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            var code = row.Unit.Code?.Trim();
            if (code is not null && !_rowByCode.TryAdd(code, i))
            {
                Add(row, "code", $"代码 {code} 与第 {_rows[_rowByCode[code]].Line} 行重复 / code {code} is already on line {_rows[_rowByCode[code]].Line}.");
                continue;
            }

            if (row.Unreadable)
            {
                continue;
            }

            var problems = new List<UnitProblem>();
            var parsed = row.Unit.Parse(problems);
            AddAll(row, problems);
            if (parsed is null)
            {
                continue;
            }

            if (!_scope.Covers(parsed.Code.Value))
            {
                Add(row, "code", $"{parsed.Code} 不在您的辖区 / {parsed.Code} is outside your area.");
            }
            else if (_existing.ContainsKey(parsed.Code))
            {
                Add(row, "code", $"单位代码 {parsed.Code} 已存在 / unit code {parsed.Code} is already in use.");
            }
            else
            {
                _parsed[i] = parsed;
            }
        }
    }

    private OrgUnit? Resolve(int i, List<OrgUnit> ordered)
    {
        if (_state[i] != 0)
        {
            return _units[i];
        }

        _state[i] = 1;
        if (_parsed[i] is { } parsed && Parent(i, parsed, ordered) is { } parent)
        {
            var problems = new List<UnitProblem>();
            _units[i] = NewUnit.Build(parsed, parent, problems);
            AddAll(_rows[i], problems);
            if (_units[i] is { } unit)
            {
                ordered.Add(unit);
            }
        }

        _state[i] = 2;
        return _units[i];
    }

    private OrgUnit? Parent(int i, ParsedUnit parsed, List<OrgUnit> ordered)
    {
        var row = _rows[i];
        var code = parsed.ParentCode;
        if (_rowByCode.TryGetValue(code.Value, out var j))
        {
            if (j == i)
            {
                Add(row, "parentCode", "单位不能是自己的上级 / a unit cannot be its own parent.");
                return null;
            }

            if (_state[j] == 1 || Resolve(j, ordered) is not { } fromFile)
            {
                Add(row, "parentCode", $"上级单位 {code}（第 {_rows[j].Line} 行）有错误 / the parent {code} on line {_rows[j].Line} has problems.");
                return null;
            }

            return fromFile;
        }

        if (!_existing.TryGetValue(code, out var existing) || !_scope.Covers(code.Value))
        {
            Add(row, "parentCode", $"上级单位 {code} 不存在或不在您的辖区 / parent {code} does not exist in your area (nor earlier in this file).");
            return null;
        }

        if (existing.IsRetired)
        {
            Add(row, "parentCode", $"上级单位 {code} 已撤销 / parent {code} is retired and takes no new units.");
            return null;
        }

        return existing;
    }

    private void Add(ImportRow row, string field, string message) => _problems.Add(new ImportProblem(row.Line, field, message));

    private void AddAll(ImportRow row, IEnumerable<UnitProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(row, problem.Field, problem.Message);
        }
    }
}
