// SPDX-License-Identifier: MIT
#include "metrics/PrometheusJsonParser.h"

#include <QStringDecoder>

#include <charconv>
#include <cstring>
#include <limits>
#include <string_view>

namespace studio::PrometheusJsonParser {

namespace {

constexpr int kMaxDepth = 256;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// One element of `result` while its resultType may still be unknown (Prometheus writes
/// resultType first, but JSON does not promise the order of members).
struct Entry {
    qsizetype offset = 0;
    MetricLabels labels;
    QVector<double> times;
    QVector<double> values;
    bool hasValue = false; ///< a "value" member (vector); "values" (matrix) fills times/values
};

/// The `[time, "value"]` pair of a scalar or string result, kept raw until the type is known.
struct Pair {
    qsizetype offset = -1;
    double time = 0;
    std::string_view value;
};

class Scanner
{
public:
    explicit Scanner(QByteArrayView body) : m_begin(body.data()), m_p(m_begin), m_end(m_begin + body.size()) {}

    Result<PrometheusQueryAnswer> run()
    {
        if (!envelope() || !finish())
            return Error{Error::Code::Parse, m_error};
        return std::move(m_answer);
    }

private:
    // --- errors ----------------------------------------------------------------------------------------------------

    bool fail(const char *at, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("byte %1: %2").arg(qsizetype(at - m_begin)).arg(what);
        return false;
    }

    QString found() const
    {
        if (m_p >= m_end)
            return QStringLiteral("the end of the input");
        switch (*m_p) {
        case '"': return QStringLiteral("a string");
        case '{': return QStringLiteral("an object");
        case '[': return QStringLiteral("a list");
        case 't':
        case 'f': return QStringLiteral("a boolean");
        case 'n': return QStringLiteral("null");
        default: break;
        }
        if (*m_p == '-' || isDigit(*m_p))
            return QStringLiteral("a number");
        const unsigned char c = static_cast<unsigned char>(*m_p);
        return c >= 0x20 && c < 0x7f ? QStringLiteral("'%1'").arg(QLatin1Char(*m_p)) : QStringLiteral("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
    }

    bool expected(const char *what) { return fail(m_p, QStringLiteral("expected %1, found %2").arg(QLatin1String(what), found())); }

    // --- tokens ----------------------------------------------------------------------------------------------------

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool at(char c)
    {
        skipSpace();
        return m_p < m_end && *m_p == c;
    }

    bool literal(const char *word)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return expected("a value");
        m_p += n;
        return true;
    }

    /// A JSON number (RFC 8259 grammar), converted with std::from_chars.
    bool number(double &out, const char *what)
    {
        skipSpace();
        const char *start = m_p, *q = m_p;
        if (q < m_end && *q == '-')
            ++q;
        if (q >= m_end || !isDigit(*q))
            return expected(what);
        if (*q == '0')
            ++q;
        else
            while (q < m_end && isDigit(*q))
                ++q;
        if (q < m_end && *q == '.') {
            ++q;
            if (q >= m_end || !isDigit(*q))
                return fail(q, QStringLiteral("a number needs digits after its decimal point"));
            while (q < m_end && isDigit(*q))
                ++q;
        }
        if (q < m_end && (*q == 'e' || *q == 'E')) {
            ++q;
            if (q < m_end && (*q == '+' || *q == '-'))
                ++q;
            if (q >= m_end || !isDigit(*q))
                return fail(q, QStringLiteral("a number needs digits in its exponent"));
            while (q < m_end && isDigit(*q))
                ++q;
        }
        const auto [end, ec] = std::from_chars(start, q, out);
        if (ec != std::errc() || end != q)
            return fail(start, QStringLiteral("the number %1 is out of range").arg(QLatin1String(start, q - start)));
        m_p = q;
        return true;
    }

    /// A JSON string; `out` views the input when it has no escapes, else the decoded m_buffer.
    bool string(std::string_view &out, const char *what)
    {
        skipSpace();
        if (m_p >= m_end || *m_p != '"')
            return expected(what);
        m_stringStart = m_p;
        const char *start = ++m_p;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                out = std::string_view(start, size_t(m_p - start));
                ++m_p;
                return true;
            }
            if (c == '\\')
                return escapedString(start, out);
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(m_p, QStringLiteral("a control character inside a string must be escaped"));
            ++m_p;
        }
        return fail(m_stringStart, QStringLiteral("a string is not closed"));
    }

    bool hex4(unsigned &out)
    {
        if (m_end - m_p < 4)
            return fail(m_p, QStringLiteral("a \\u escape needs four hex digits"));
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_p[i];
            const int digit = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (digit < 0)
                return fail(m_p, QStringLiteral("a \\u escape needs four hex digits"));
            out = out * 16 + unsigned(digit);
        }
        m_p += 4;
        return true;
    }

    void appendUtf8(unsigned code)
    {
        if (code < 0x80) {
            m_buffer += char(code);
        } else if (code < 0x800) {
            m_buffer += char(0xc0 | (code >> 6));
            m_buffer += char(0x80 | (code & 0x3f));
        } else if (code < 0x10000) {
            m_buffer += char(0xe0 | (code >> 12));
            m_buffer += char(0x80 | ((code >> 6) & 0x3f));
            m_buffer += char(0x80 | (code & 0x3f));
        } else {
            m_buffer += char(0xf0 | (code >> 18));
            m_buffer += char(0x80 | ((code >> 12) & 0x3f));
            m_buffer += char(0x80 | ((code >> 6) & 0x3f));
            m_buffer += char(0x80 | (code & 0x3f));
        }
    }

    bool escapedString(const char *start, std::string_view &out)
    {
        m_buffer.assign(start, size_t(m_p - start));
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                out = m_buffer;
                ++m_p;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(m_p, QStringLiteral("a control character inside a string must be escaped"));
            if (c != '\\') {
                m_buffer += c;
                ++m_p;
                continue;
            }
            if (++m_p >= m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"': m_buffer += '"'; break;
            case '\\': m_buffer += '\\'; break;
            case '/': m_buffer += '/'; break;
            case 'b': m_buffer += '\b'; break;
            case 'f': m_buffer += '\f'; break;
            case 'n': m_buffer += '\n'; break;
            case 'r': m_buffer += '\r'; break;
            case 't': m_buffer += '\t'; break;
            case 'u': {
                const char *escape = m_p - 2;
                unsigned code = 0;
                if (!hex4(code))
                    return false;
                if (code >= 0xdc00 && code <= 0xdfff)
                    return fail(escape, QStringLiteral("a \\u escape is a lone low surrogate"));
                if (code >= 0xd800 && code <= 0xdbff) {
                    unsigned low = 0;
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        return fail(escape, QStringLiteral("a \\u escape is a high surrogate without its low half"));
                    m_p += 2;
                    if (!hex4(low))
                        return false;
                    if (low < 0xdc00 || low > 0xdfff)
                        return fail(escape, QStringLiteral("a \\u escape is a high surrogate without its low half"));
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                }
                appendUtf8(code);
                break;
            }
            default:
                return fail(m_p - 2, QStringLiteral("'\\%1' is not a JSON escape").arg(QLatin1Char(e)));
            }
        }
        return fail(m_stringStart, QStringLiteral("a string is not closed"));
    }

    /// A string as text; invalid UTF-8 is an error.
    bool text(QString &out, const char *what)
    {
        std::string_view raw;
        if (!string(raw, what))
            return false;
        QStringDecoder decoder(QStringDecoder::Utf8);
        out = decoder(QByteArrayView(raw.data(), qsizetype(raw.size())));
        if (decoder.hasError())
            return fail(m_stringStart, QStringLiteral("a string is not valid UTF-8"));
        return true;
    }

    /// `{ "key": member... }`; `member(key)` parses the value.
    template<typename Member>
    bool members(const char *what, int depth, Member &&member)
    {
        if (depth > kMaxDepth)
            return fail(m_p, QStringLiteral("the JSON is nested deeper than %1 levels").arg(kMaxDepth));
        if (!at('{'))
            return expected(what);
        ++m_p;
        if (at('}')) {
            ++m_p;
            return true;
        }
        for (;;) {
            std::string_view key;
            if (!string(key, "a member name in quotes"))
                return false;
            if (!at(':'))
                return expected("':' after a member name");
            ++m_p;
            if (!member(key))
                return false;
            if (at(',')) {
                ++m_p;
                continue;
            }
            if (at('}')) {
                ++m_p;
                return true;
            }
            return expected("',' or '}' after a member");
        }
    }

    /// `[ element... ]`; `element()` parses one.
    template<typename Element>
    bool elements(const char *what, int depth, Element &&element)
    {
        if (depth > kMaxDepth)
            return fail(m_p, QStringLiteral("the JSON is nested deeper than %1 levels").arg(kMaxDepth));
        if (!at('['))
            return expected(what);
        ++m_p;
        if (at(']')) {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!element())
                return false;
            if (at(',')) {
                ++m_p;
                continue;
            }
            if (at(']')) {
                ++m_p;
                return true;
            }
            return expected("',' or ']' after a list element");
        }
    }

    /// Any JSON value, checked and dropped.
    bool skipValue(int depth)
    {
        skipSpace();
        if (m_p >= m_end)
            return expected("a value");
        switch (*m_p) {
        case '{': return members("an object", depth + 1, [this, depth](std::string_view) { return skipValue(depth + 1); });
        case '[': return elements("a list", depth + 1, [this, depth] { return skipValue(depth + 1); });
        case '"': {
            std::string_view ignored;
            return string(ignored, "a string");
        }
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: {
            double ignored = 0;
            return number(ignored, "a value");
        }
        }
    }

    // --- Prometheus ------------------------------------------------------------------------------------------------

    /// A sample value: a string holding a float or "NaN", "+Inf", "-Inf" (a bare JSON number is accepted too).
    bool sampleValue(double &out)
    {
        skipSpace();
        if (m_p < m_end && *m_p != '"')
            return number(out, "a sample value (a string like \"0.5\")");
        std::string_view raw;
        if (!string(raw, "a sample value"))
            return false;
        if (!toSampleValue(raw, out))
            return fail(m_stringStart, QStringLiteral("the sample value \"%1\" is not a number")
                                           .arg(QString::fromUtf8(raw.data(), qsizetype(std::min<size_t>(raw.size(), 40)))));
        return true;
    }

    static bool toSampleValue(std::string_view raw, double &out)
    {
        if (raw == "NaN") {
            out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (raw == "+Inf" || raw == "Inf") {
            out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (raw == "-Inf") {
            out = -std::numeric_limits<double>::infinity();
            return true;
        }
        if (raw.empty() || !(isDigit(raw.front()) || raw.front() == '-' || raw.front() == '.'))
            return false;
        const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), out);
        return ec == std::errc() && end == raw.data() + raw.size();
    }

    /// `[time, "value"]`.
    bool sample(double &time, double &value)
    {
        if (!at('['))
            return expected("a [time, value] pair");
        ++m_p;
        if (!number(time, "a sample's time (a number)"))
            return false;
        if (!at(','))
            return expected("',' between a sample's time and value");
        ++m_p;
        if (!sampleValue(value))
            return false;
        if (!at(']'))
            return expected("']' after a sample's value");
        ++m_p;
        return true;
    }

    /// The `values` of a matrix series: the hot loop of a large answer.
    bool samples(Entry &entry)
    {
        return elements("a list of [time, value] pairs", 3, [this, &entry] {
            double time = 0, value = 0;
            if (!sample(time, value))
                return false;
            entry.times.append(time);
            entry.values.append(value);
            return true;
        });
    }

    bool labels(MetricLabels &out)
    {
        return members("the series' labels (an object)", 3, [this, &out](std::string_view rawKey) {
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString key = decoder(QByteArrayView(rawKey.data(), qsizetype(rawKey.size())));
            if (decoder.hasError())
                return fail(m_stringStart, QStringLiteral("a label name is not valid UTF-8"));
            QString value;
            if (!text(value, "a label value (a string)"))
                return false;
            out.insert(key, value);
            return true;
        });
    }

    bool entry()
    {
        skipSpace();
        Entry e;
        e.offset = m_p - m_begin;
        const bool ok = members("a series (an object)", 2, [this, &e](std::string_view key) {
            if (key == "metric")
                return labels(e.labels);
            if (key == "values")
                return samples(e);
            if (key == "value") {
                double time = 0, value = 0;
                if (!sample(time, value))
                    return false;
                e.hasValue = true;
                e.times = {time};
                e.values = {value};
                return true;
            }
            return skipValue(2); // "histograms", "histogram" (native histograms) and anything newer
        });
        if (ok)
            m_entries.append(std::move(e));
        return ok;
    }

    /// `result`: a list of series, or the [time, value] pair of a scalar or string.
    bool result()
    {
        skipSpace();
        m_resultOffset = m_p - m_begin;
        if (!at('['))
            return expected("the result (a list)");
        const char *open = m_p++;
        if (at('{') || at(']')) {
            m_p = open;
            return elements("the result (a list)", 1, [this] { return entry(); });
        }
        m_pair.offset = open - m_begin;
        if (!number(m_pair.time, "a series (an object) or a scalar's time (a number)"))
            return false;
        if (!at(','))
            return expected("',' between a scalar's time and value");
        ++m_p;
        if (!string(m_pair.value, "a scalar's value (a string)"))
            return false;
        if (m_pair.value.data() == m_buffer.data()) { // escaped: keep it past the next string
            m_pairText = m_buffer;
            m_pair.value = m_pairText;
        }
        if (!at(']'))
            return expected("']' after a scalar's value");
        ++m_p;
        return true;
    }

    bool data()
    {
        m_hasData = true;
        return members("the data (an object)", 1, [this](std::string_view key) {
            if (key == "resultType") {
                m_resultTypeOffset = m_p - m_begin;
                return text(m_answer.resultType, "the resultType (a string)");
            }
            if (key == "result") {
                m_hasResult = true;
                return result();
            }
            return skipValue(1);
        });
    }

    bool envelope()
    {
        const bool ok = members("a JSON object", 0, [this](std::string_view key) {
            if (key == "status")
                return text(m_answer.status, "the status (a string)");
            if (key == "data")
                return data();
            return skipValue(0); // errorType, error, warnings, infos
        });
        if (!ok)
            return false;
        skipSpace();
        if (m_p != m_end)
            return fail(m_p, QStringLiteral("unexpected %1 after the JSON object").arg(found()));
        return true;
    }

    bool failAt(qsizetype offset, const QString &what) { return fail(m_begin + offset, what); }

    /// Checks the result against its resultType and hands it out.
    bool finish()
    {
        if (m_answer.status.isEmpty())
            return failAt(0, QStringLiteral("the answer has no status"));
        if (m_answer.status != u"success")
            return true;
        if (!m_hasData || m_answer.resultType.isEmpty() || !m_hasResult)
            return failAt(0, QStringLiteral("a successful answer needs data with resultType and result"));
        const QString &type = m_answer.resultType;
        if (type == u"matrix" || type == u"vector") {
            if (m_pair.offset >= 0)
                return failAt(m_pair.offset, QStringLiteral("a %1 result must be a list of series, not a [time, value] pair").arg(type));
            const bool isMatrix = type == u"matrix";
            for (Entry &e : m_entries) {
                if (isMatrix && e.hasValue)
                    return failAt(e.offset, QStringLiteral("a series of a matrix has \"value\" instead of \"values\""));
                if (isMatrix) {
                    m_answer.matrix.append(TimeSeries{std::move(e.labels), std::move(e.times), std::move(e.values)});
                } else {
                    if (!e.hasValue)
                        return failAt(e.offset, QStringLiteral("a sample of a vector has no \"value\""));
                    m_answer.samples.append(InstantSample{std::move(e.labels), e.times.front(), e.values.front()});
                }
            }
            return true;
        }
        if (type == u"scalar" || type == u"string") {
            if (m_pair.offset < 0)
                return failAt(m_resultOffset, QStringLiteral("a %1 result must be a [time, value] pair").arg(type));
            double value = std::numeric_limits<double>::quiet_NaN();
            if (!toSampleValue(m_pair.value, value) && type == u"scalar")
                return failAt(m_pair.offset, QStringLiteral("the scalar's value is not a number"));
            m_answer.samples.append(InstantSample{{}, m_pair.time, value});
            return true;
        }
        return failAt(m_resultTypeOffset, QStringLiteral("unknown resultType \"%1\"").arg(type));
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const char *m_stringStart = nullptr;
    std::string m_buffer;
    QString m_error;

    PrometheusQueryAnswer m_answer;
    QList<Entry> m_entries;
    Pair m_pair;
    std::string m_pairText;
    bool m_hasData = false;
    bool m_hasResult = false;
    qsizetype m_resultOffset = 0;
    qsizetype m_resultTypeOffset = 0;
};

} // namespace

Result<PrometheusQueryAnswer> parse(QByteArrayView body)
{
    return Scanner(body).run();
}

} // namespace studio::PrometheusJsonParser
