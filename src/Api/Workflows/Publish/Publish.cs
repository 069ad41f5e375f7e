using FluentValidation;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Workflows.Publish;

public sealed record PublishCommand(string DefinitionId, string? ChangeNote, Actor Actor) : ICommand<PublishResponse>;

public sealed record PublishResponse(string DefinitionId, int Version, string ChangeNote, string PublishedBy, DateTime PublishedAt);

public sealed class PublishValidator : AbstractValidator<PublishCommand>
{
    public PublishValidator() =>
        RuleFor(c => c.ChangeNote).NotEmpty().WithMessage("请填写变更说明 / changeNote is required.")
            .MaximumLength(1000).WithMessage("变更说明最多 1000 个字 / changeNote has at most 1000 characters.");
}
