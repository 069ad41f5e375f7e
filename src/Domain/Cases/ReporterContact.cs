namespace GridCase.Domain.Cases;

/// <summary>
/// Who reported the event. Personal data: it stays on the case (with its own retention) and is never copied
/// into a <see cref="CaseEvent"/>; <see cref="ToString"/> masks it so it cannot leak into logs.
/// </summary>
public sealed record ReporterContact
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;

    public ReporterContact(string? name, string? phone)
    {
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (name is null && phone is null)
        {
            throw new DomainRuleException(CaseErrorCodes.Reporter, "上报人须有姓名或电话 / A reporter contact needs a name or a phone number; pass no contact instead.");
        }

        if (name?.Length > NameMaxLength)
        {
            throw new DomainRuleException(CaseErrorCodes.Reporter, $"上报人姓名最多 {NameMaxLength} 个字 / A reporter's name is at most {NameMaxLength} characters.");
        }

        if (phone is not null && (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
        {
            throw new DomainRuleException(CaseErrorCodes.Reporter, $"电话号码最多 {PhoneMaxLength} 位，只能含数字、+、- 或空格 / A phone number is at most {PhoneMaxLength} digits, '+', '-' or spaces.");
        }

        Name = name;
        Phone = phone;
    }

    public string? Name { get; }

    public string? Phone { get; }

    public override string ToString() => "ReporterContact { *** }";
}
