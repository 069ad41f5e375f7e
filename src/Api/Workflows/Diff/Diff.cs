using FluentValidation;
using GridCase.Api.Infrastructure;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.Diff;

/// <summary>Node-by-node comparison of two versions; <c>to</c> may be <c>draft</c>.</summary>
public sealed record DiffQuery(string DefinitionId, string? From, string? To) : IQuery<DefinitionComparison>;

public sealed class DiffValidator : AbstractValidator<DiffQuery>
{
    public DiffValidator()
    {
        RuleFor(q => q.From).Must(BeAVersion).WithMessage("起始版本须为版本号或 draft / from must be a version number (or 'draft').");
        RuleFor(q => q.To).Must(BeAVersion).WithMessage("目标版本须为版本号或 draft / to must be a version number (or 'draft').");
    }

    private static bool BeAVersion(string? text) => text == "draft" || int.TryParse(text, out var v) && v >= 1;
}

public sealed class DiffHandler(IDefinitionStore store) : IQueryHandler<DiffQuery, DefinitionComparison>
{
    public async ValueTask<DefinitionComparison> Handle(DiffQuery query, CancellationToken cancellationToken) =>
        DefinitionDiff.Compare(await LoadAsync(query.DefinitionId, query.From!, cancellationToken), await LoadAsync(query.DefinitionId, query.To!, cancellationToken));

    private async Task<WorkflowDefinition> LoadAsync(string id, string version, CancellationToken cancellationToken) =>
        version == "draft"
            ? (await store.GetDraftAsync(id, cancellationToken))?.Definition ?? throw new NotFoundException($"流程 {id} 的草稿", $"The draft of '{id}'")
            : await store.GetVersionAsync(id, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
              ?? throw new NotFoundException($"流程 {id} 的 v{version}", $"Version {version} of '{id}'");
}
