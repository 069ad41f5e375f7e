using FluentValidation;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Units.RetireUnit;

/// <summary>Retires a unit (撤销): it takes no new cases; cases already there go on. Its active units must be retired first.</summary>
public sealed record RetireUnitCommand(string? Reason) : ICommand<UnitDetailResponse>
{
    public const int MaxReasonLength = 500;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Code { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class RetireUnitValidator : AbstractValidator<RetireUnitCommand>
{
    public RetireUnitValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写撤销理由 / reason is required.")
            .MaximumLength(RetireUnitCommand.MaxReasonLength);
}
