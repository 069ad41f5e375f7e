using System.Text.Json;
using FluentValidation;

namespace GridCase.Api.Workflows.SaveDraft;

public sealed class SaveDraftValidator : AbstractValidator<SaveDraftCommand>
{
    public SaveDraftValidator()
    {
        RuleFor(c => c.DefinitionId).Matches(DraftDocument.IdPattern).WithMessage(DraftDocument.IdRule);
        RuleFor(c => c.Document).Must(d => d.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("definition").WithMessage("请求体须为流程定义文档（JSON 对象）/ The body must be a definition document (a JSON object).");
        RuleFor(c => c.Document).Must((command, d) => !d.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.String && id.GetString() == command.DefinitionId)
            .When(c => c.Document.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("id").WithMessage("文档中的流程标识须与地址中的一致 / The document's id must match the route.");
    }
}
