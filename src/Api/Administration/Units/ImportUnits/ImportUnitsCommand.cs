using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Units.ImportUnits;

public enum ImportFormat
{
    Csv,
    Json,
}

/// <summary>
/// Units from a CSV or JSON file. A dry run only reports; an apply writes every unit or none (one change-log entry,
/// one save), and any bad row refuses the whole file.
/// </summary>
public sealed record ImportUnitsCommand(ImportFormat Format, string Text, bool DryRun, Actor Caller) : ICommand<ImportReport>;
