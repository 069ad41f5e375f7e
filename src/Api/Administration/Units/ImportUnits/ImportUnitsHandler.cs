using GridCase.Api.Administration.Import;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Units.ImportUnits;

public sealed class ImportUnitsHandler(GridCaseDb db, UnitWrites writes, AdminLog log) : ICommandHandler<ImportUnitsCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportUnitsCommand command, CancellationToken cancellationToken)
    {
        var readProblems = new List<ImportProblem>();
        var rows = command.Format == ImportFormat.Csv
            ? ImportRows.FromCsv(command.Text, readProblems)
            : ImportRows.FromJson(command.Text, readProblems);
        if (rows.Count == 0 && readProblems.Count == 0)
        {
            readProblems.Add(new ImportProblem(1, "", "文件中没有单位 / the file has no units."));
        }

        if (command.DryRun)
        {
            var (units, problems) = await PlanAsync(command, rows, readProblems, cancellationToken);
            return Report(command, rows, units, problems, applied: false);
        }

        return await writes.CommitAsync(async () =>
        {
            var (units, problems) = await PlanAsync(command, rows, readProblems, cancellationToken);
            if (problems.Count > 0)
            {
                return Report(command, rows, units, problems, applied: false);
            }

            db.OrgUnits.AddRange(units);
            var area = AreaOf(units, command.Caller);
            log.Record(command.Caller, AdminChangeKinds.UnitsImported, area, area, new
            {
                total = units.Count,
                counts = Counts(units),
                format = command.Format.ToString(),
                codes = units.Select(u => u.Code.Value),
            });
            return Report(command, rows, units, problems, applied: true);
        }, cancellationToken);
    }

    private async Task<(IReadOnlyList<OrgUnit> Units, List<ImportProblem> Problems)> PlanAsync(
        ImportUnitsCommand command, List<ImportRow> rows, List<ImportProblem> readProblems, CancellationToken cancellationToken)
    {
        // In chunks: each code is a parameter, and databases limit how many one statement may have.
        var existing = new Dictionary<UnitCode, OrgUnit>();
        foreach (var chunk in ImportPlan.CodesNamed(rows).Chunk(1000))
        {
            foreach (var unit in await db.OrgUnits.AsNoTracking().Where(u => chunk.Contains(u.Code)).ToListAsync(cancellationToken))
            {
                existing[unit.Code] = unit;
            }
        }

        var problems = new List<ImportProblem>(readProblems);
        var units = ImportPlan.Make(rows, existing, CallerScope.For(command.Caller), problems);
        return (units, problems);
    }

    private static ImportReport Report(ImportUnitsCommand command, List<ImportRow> rows, IReadOnlyList<OrgUnit> units, List<ImportProblem> problems, bool applied) =>
        new(command.DryRun, problems.Count == 0, applied, rows.Count, units.Count, Counts(units), problems);

    private static Dictionary<string, int> Counts(IEnumerable<OrgUnit> units) =>
        units.GroupBy(u => u.Kind == UnitKind.Department ? nameof(UnitKind.Department) : u.Level.ToString())
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The unit the import falls under, for the change log: the deepest area code all imported units start with, or
    /// the caller's own unit when they share none (units of two counties).
    /// </summary>
    private static string AreaOf(IReadOnlyList<OrgUnit> units, GridCase.Domain.Actor caller)
    {
        var common = units[0].Code.OwnerArea.Value;
        foreach (var unit in units)
        {
            var owner = unit.Code.OwnerArea.Value;
            var length = 0;
            while (length < common.Length && length < owner.Length && common[length] == owner[length])
            {
                length++;
            }

            common = common[..length];
        }

        var areaLength = new[] { 15, 12, 9, 6 }.FirstOrDefault(n => n <= common.Length);
        return areaLength == 0 ? caller.Unit!.Value.Value : common[..areaLength];
    }
}
