using System.Text.Json;
using FluentValidation;

namespace GridCase.Api.Workflows.SaveDraft;

public sealed class SaveDraftValidator : AbstractValidator<SaveDraftCommand>
{
    public SaveDraftValidator()
    {
        RuleFor(c => c.DefinitionId).Matches("^[a-z][a-z0-9-]{0,63}$")
            .WithMessage("流程标识须由小写字母、数字和连字符组成，以字母开头，最多 64 个字符 / id must be lower-case letters, digits and hyphens, starting with a letter (at most 64).");
        RuleFor(c => c.Document).Must(d => d.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("definition").WithMessage("请求体须为流程定义文档（JSON 对象）/ The body must be a definition document (a JSON object).");
        RuleFor(c => c.Document).Must((command, d) => !d.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.String && id.GetString() == command.DefinitionId)
            .When(c => c.Document.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("id").WithMessage("文档中的流程标识须与地址中的一致 / The document's id must match the route.");
    }
}
