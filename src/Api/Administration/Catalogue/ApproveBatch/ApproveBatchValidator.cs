using FluentValidation;

namespace GridCase.Api.Administration.Catalogue.ApproveBatch;

public sealed class ApproveBatchValidator : AbstractValidator<ApproveBatchCommand>
{
    public ApproveBatchValidator() =>
        RuleFor(c => c.Note).MaximumLength(BatchDecision.MaxNoteLength)
            .WithMessage($"审批意见过长 / note has at most {BatchDecision.MaxNoteLength} characters.");
}
