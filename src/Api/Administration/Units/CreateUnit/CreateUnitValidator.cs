using FluentValidation;

namespace GridCase.Api.Administration.Units.CreateUnit;

public sealed class CreateUnitValidator : AbstractValidator<CreateUnitCommand>
{
    public CreateUnitValidator() =>
        RuleFor(c => c).Custom((command, context) =>
        {
            var problems = new List<UnitProblem>();
            command.ToInput().Parse(problems);
            foreach (var problem in problems)
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });
}
