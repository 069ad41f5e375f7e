using FluentValidation;

namespace GridCase.Api.Administration.Catalogue.RejectBatch;

public sealed class RejectBatchValidator : AbstractValidator<RejectBatchCommand>
{
    public RejectBatchValidator() =>
        RuleFor(c => c.Note)
            .NotEmpty().WithMessage("请说明驳回理由 / note is required: say why the batch is rejected.")
            .MaximumLength(BatchDecision.MaxNoteLength).WithMessage($"驳回理由过长 / note has at most {BatchDecision.MaxNoteLength} characters.");
}
