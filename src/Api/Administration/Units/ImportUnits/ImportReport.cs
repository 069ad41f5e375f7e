using GridCase.Api.Administration.Import;

namespace GridCase.Api.Administration.Units.ImportUnits;

/// <summary>
/// The outcome of an import: every problem by line and field, and how many units of each level (and departments) the
/// good rows make. <see cref="Applied"/> is true only when the units were written — all of them.
/// </summary>
public sealed record ImportReport(
    bool DryRun, bool Valid, bool Applied, int Rows, int Total, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ImportProblem> Problems);
