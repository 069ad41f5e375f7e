using System.Globalization;
using System.Text;

namespace GridCase.Workflows.Expressions;

/// <summary>
/// Recursive descent over the condition language. Precedence, lowest first:
/// <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>,
/// unary <c>! not -</c>. Literals: numbers, 'strings' or "strings", true, false.
/// </summary>
internal sealed class ExpressionParser
{
    public const int MaxLength = 2000;
    private const int MaxDepth = 40;

    private readonly string _text;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _position;
    private int _depth;
    private Token _token;

    private ExpressionParser(string text)
    {
        _text = text;
        _token = Read();
    }

    /// <summary>The tree and the names it reads, or an error naming the position.</summary>
    public static (ExpressionNode? Root, IReadOnlySet<string> Names, string? Error) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new HashSet<string>(), "the expression is empty.");
        }

        if (text.Length > MaxLength)
        {
            return (null, new HashSet<string>(), $"the expression is longer than {MaxLength} characters.");
        }

        try
        {
            var parser = new ExpressionParser(text);
            var root = parser.ParseOr();
            if (parser._token.Kind != TokenKind.End)
            {
                throw parser.Unexpected();
            }

            return (root, parser._names, null);
        }
        catch (SyntaxError error)
        {
            return (null, new HashSet<string>(), error.Message);
        }
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (_token.Is("||") || _token.IsWord("or"))
        {
            Advance();
            left = new BinaryNode(BinaryOperator.Or, "||", left, ParseAnd());
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (_token.Is("&&") || _token.IsWord("and"))
        {
            Advance();
            left = new BinaryNode(BinaryOperator.And, "&&", left, ParseEquality());
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseRelational();
        while (_token.Kind == TokenKind.Symbol && _token.Text is "==" or "!=")
        {
            var symbol = _token.Text;
            Advance();
            left = new BinaryNode(symbol == "==" ? BinaryOperator.Equal : BinaryOperator.NotEqual, symbol, left, ParseRelational());
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseAdditive();
        while (_token.Kind == TokenKind.Symbol && _token.Text is "<" or "<=" or ">" or ">=")
        {
            var symbol = _token.Text;
            Advance();
            var op = symbol switch
            {
                "<" => BinaryOperator.Less,
                "<=" => BinaryOperator.LessOrEqual,
                ">" => BinaryOperator.Greater,
                _ => BinaryOperator.GreaterOrEqual,
            };
            left = new BinaryNode(op, symbol, left, ParseAdditive());
        }

        return left;
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (_token.Kind == TokenKind.Symbol && _token.Text is "+" or "-")
        {
            var symbol = _token.Text;
            Advance();
            left = new BinaryNode(symbol == "+" ? BinaryOperator.Add : BinaryOperator.Subtract, symbol, left, ParseMultiplicative());
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (_token.Kind == TokenKind.Symbol && _token.Text is "*" or "/" or "%")
        {
            var symbol = _token.Text;
            Advance();
            var op = symbol switch
            {
                "*" => BinaryOperator.Multiply,
                "/" => BinaryOperator.Divide,
                _ => BinaryOperator.Remainder,
            };
            left = new BinaryNode(op, symbol, left, ParseUnary());
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (_token.Is("!") || _token.IsWord("not"))
        {
            Advance();
            return Nested(() => new UnaryNode(UnaryOperator.Not, ParseUnary()));
        }

        if (_token.Is("-"))
        {
            Advance();
            return Nested(() => new UnaryNode(UnaryOperator.Negate, ParseUnary()));
        }

        return ParsePrimary();
    }

    private ExpressionNode ParsePrimary()
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.String:
                Advance();
                return new LiteralNode(token.Value!);
            case TokenKind.Word when token.Text is "true" or "false":
                Advance();
                return new LiteralNode(token.Text == "true");
            case TokenKind.Word when token.Text == "null":
                throw new SyntaxError($"'null' at position {token.Position} is not a value; use isSet(name) to test whether a value is set.");
            case TokenKind.Word when token.Text is "and" or "or" or "not":
                throw Unexpected();
            case TokenKind.Word:
                Advance();
                return _token.Is("(") ? ParseCall(token) : NameOf(token);
            case TokenKind.Symbol when token.Text == "(":
                Advance();
                var inner = Nested(ParseOr);
                Expect(")");
                return inner;
            default:
                throw Unexpected();
        }
    }

    private NameNode NameOf(Token token)
    {
        _names.Add(token.Text);
        return new NameNode(token.Text);
    }

    private CallNode ParseCall(Token function)
    {
        if (!CallNode.Functions.Contains(function.Text))
        {
            throw new SyntaxError(
                $"unknown function '{function.Text}' at position {function.Position}; the functions are {string.Join(", ", CallNode.Functions)}.");
        }

        Advance();
        var arguments = new List<ExpressionNode>();
        if (!_token.Is(")"))
        {
            arguments.Add(Nested(ParseOr));
            while (_token.Is(","))
            {
                Advance();
                arguments.Add(Nested(ParseOr));
            }
        }

        Expect(")");
        if (CallNode.ArityError(function.Text, arguments.Count) is { } arity)
        {
            throw new SyntaxError(arity);
        }

        return new CallNode(function.Text, arguments);
    }

    private ExpressionNode Nested(Func<ExpressionNode> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw new SyntaxError($"the expression is nested more than {MaxDepth} levels deep.");
        }

        var node = parse();
        _depth--;
        return node;
    }

    private void Expect(string symbol)
    {
        if (!_token.Is(symbol))
        {
            throw _token.Kind == TokenKind.End
                ? new SyntaxError($"'{symbol}' expected at the end.")
                : new SyntaxError($"'{symbol}' expected at position {_token.Position}, found '{_token.Text}'.");
        }

        Advance();
    }

    private void Advance() => _token = Read();

    private SyntaxError Unexpected() => _token.Kind == TokenKind.End
        ? new SyntaxError("the expression ends too early.")
        : new SyntaxError($"unexpected '{_token.Text}' at position {_token.Position}.");

    private Token Read()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }

        var start = _position;
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.End, "", null, start + 1);
        }

        var c = _text[_position];
        if (char.IsAsciiDigit(c))
        {
            return ReadNumber(start);
        }

        if (c is '\'' or '"')
        {
            return ReadString(start, c);
        }

        if (char.IsLetter(c) || c == '_')
        {
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            return new Token(TokenKind.Word, _text[start.._position], null, start + 1);
        }

        var two = _position + 1 < _text.Length ? _text.Substring(_position, 2) : "";
        if (two is "&&" or "||" or "==" or "!=" or "<=" or ">=")
        {
            _position += 2;
            return new Token(TokenKind.Symbol, two, null, start + 1);
        }

        if (c is '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '(' or ')' or ',')
        {
            _position++;
            return new Token(TokenKind.Symbol, c.ToString(), null, start + 1);
        }

        var hint = c switch
        {
            '=' => " (use '==' to compare)",
            '&' => " (use '&&')",
            '|' => " (use '||')",
            _ => "",
        };
        throw new SyntaxError($"unexpected '{c}' at position {start + 1}{hint}.");
    }

    private Token ReadNumber(int start)
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        var isDecimal = _position + 1 < _text.Length && _text[_position] == '.' && char.IsAsciiDigit(_text[_position + 1]);
        if (isDecimal)
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }

        var text = _text[start.._position];
        if (_position < _text.Length && (char.IsLetter(_text[_position]) || _text[_position] == '_'))
        {
            throw new SyntaxError($"unexpected '{_text[_position]}' after the number {text} at position {_position + 1}.");
        }

        object value;
        if (isDecimal)
        {
            value = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        else if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole;
        }
        else
        {
            throw new SyntaxError($"the number {text} at position {start + 1} is too large.");
        }

        return new Token(TokenKind.Number, text, value, start + 1);
    }

    private Token ReadString(int start, char quote)
    {
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            var c = _text[_position++];
            if (c == '\\' && _position < _text.Length && _text[_position] is '\\' or '\'' or '"')
            {
                c = _text[_position++];
            }

            builder.Append(c);
        }

        if (_position >= _text.Length)
        {
            throw new SyntaxError($"the string starting at position {start + 1} is not closed.");
        }

        _position++;
        return new Token(TokenKind.String, _text[start.._position], builder.ToString(), start + 1);
    }

    private enum TokenKind
    {
        End,
        Number,
        String,
        Word,
        Symbol,
    }

    private readonly record struct Token(TokenKind Kind, string Text, object? Value, int Position)
    {
        public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

        public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;
    }

    private sealed class SyntaxError(string message) : Exception(message);
}
