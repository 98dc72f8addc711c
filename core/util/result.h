#pragma once

#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace marginalia {

// Where something went wrong, in terms a user can act on. line/column are 1-based; 0 means unknown.
struct Error {
    QString file;
    qint64 line = 0;
    qint64 column = 0;
    QString message;

    // "FILE:LINE:COLUMN: message", omitting the parts that are unknown.
    QString toString() const;
};

template <typename E>
struct Unexpected {
    E error;
};

inline Unexpected<Error> fail(Error e) { return {std::move(e)}; }
inline Unexpected<Error> fail(QString file, qint64 line, qint64 column, QString message)
{
    return {Error{std::move(file), line, column, std::move(message)}};
}

// A value or the Error that prevented it; shaped like std::expected so it can be swapped later.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Unexpected<Error> e) : m_data(std::in_place_index<1>, std::move(e.error)) {}

    bool has_value() const { return m_data.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Success with nothing to return, or the Error that prevented it; shaped like std::expected<void, Error>.
// Default-constructed, or `return {};`, it is a success.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Unexpected<Error> e) : m_error(std::move(e.error)), m_failed(true) {}
    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    void value() const {}
    void operator*() const {}

    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace marginalia

// Errors travel in queued signals (a load finishing on another thread).
Q_DECLARE_METATYPE(marginalia::Error)
