// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace studio {

/// Why an operation failed: a human sentence for the user and a machine code for callers.
struct Error {
    enum class Code { Io, Parse, Usage, NotFound, Network, Git, Refused, Internal };
    Code code = Code::Internal;
    QString message;
};

/// A value or the Error that prevented it. Used across module boundaries instead of exceptions.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    static Result failure(Error::Code code, QString message) { return Result(Error{code, std::move(message)}); }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }
    QString errorMessage() const { return ok() ? QString() : error().message; }
    /// The value, or `fallback` when there is none.
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that produces nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status success() { return Status(Done{}); }

} // namespace studio
