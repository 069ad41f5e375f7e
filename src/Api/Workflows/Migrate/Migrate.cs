using FluentValidation;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Workflows.Migrate;

/// <summary>
/// 迁移: move the running cases of one version to another, a page at a time. A dry run (the default) lists which
/// cases would move and which are blocked, and why, and writes nothing.
/// </summary>
public sealed record MigrateCommand(
    string DefinitionId,
    int? FromVersion,
    int? ToVersion,
    IReadOnlyDictionary<string, string?>? NodeMap,
    bool DryRun,
    string? After,
    int Limit,
    Actor Caller) : ICommand<MigrateResponse>;

public sealed record MigrateBody(int? FromVersion, int? ToVersion, Dictionary<string, string?>? NodeMap, bool? DryRun, string? After, int? Limit);

public sealed record MigratedCase(Guid CaseId, string? Number, IReadOnlyList<string> ActiveNodes);

public sealed record BlockedCase(Guid CaseId, string? Number, IReadOnlyList<string> ActiveNodes, string Code, string Reason);

/// <summary><see cref="Next"/> is the cursor for the following page (pass it as <c>after</c>), or null on the last page.</summary>
public sealed record MigrateResponse(int FromVersion, int ToVersion, bool DryRun, IReadOnlyList<MigratedCase> Moved, IReadOnlyList<BlockedCase> Blocked, string? Next);

public sealed class MigrateValidator : AbstractValidator<MigrateCommand>
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 500;
    private const int MaxNodeId = 100;

    public MigrateValidator()
    {
        RuleFor(c => c.FromVersion).NotNull().WithMessage("请填写原版本 / fromVersion is required.")
            .GreaterThan(0).WithMessage("原版本须为正整数 / fromVersion must be a version number.");
        RuleFor(c => c.ToVersion).NotNull().WithMessage("请填写目标版本 / toVersion is required.")
            .GreaterThan(0).WithMessage("目标版本须为正整数 / toVersion must be a version number.");
        RuleFor(c => c.ToVersion).NotEqual(c => c.FromVersion).When(c => c.FromVersion is not null && c.ToVersion is not null)
            .WithMessage("目标版本须不同于原版本 / toVersion must differ from fromVersion.");
        RuleFor(c => c.NodeMap).NotNull().WithMessage("请填写节点对应关系 / nodeMap is required.");
        RuleFor(c => c.NodeMap).Must(m => m!.All(p => IsNodeId(p.Key) && IsNodeId(p.Value))).When(c => c.NodeMap is not null)
            .WithMessage($"节点对应关系的键和值须为节点标识（1–{MaxNodeId} 个字符）/ nodeMap keys and values must be node ids (1–{MaxNodeId} characters).");
        RuleFor(c => c.Limit).InclusiveBetween(1, MaxLimit).WithMessage($"每页数量须在 1 到 {MaxLimit} 之间 / limit must be between 1 and {MaxLimit}.");
        RuleFor(c => c.After).Must(a => Guid.TryParse(a, out _)).When(c => c.After is not null)
            .WithMessage("游标无效，请使用上一页返回的 next / after must be the next cursor of the previous page.");
    }

    private static bool IsNodeId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxNodeId;
}
