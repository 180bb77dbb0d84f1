// SPDX-License-Identifier: MIT
#pragma once

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QList>
#include <QObject>
#include <QSpinBox>
#include <QString>
#include <QStringList>
#include <QTableWidget>

#include <climits>
#include <functional>
#include <map>

namespace studio::cloud {

/// The editor of one answers field and the label beside it that shows the field's problems.
struct FieldEditor {
    QString path;    ///< "network.vpcCidr", or "cluster.nodePools" for a table of entries
    QString page;    ///< the wizard page it belongs to: "basics", "network", "cluster.nodePools", "secrets", …
    QString title;   ///< the section's help text, used as the page subtitle
    QWidget *editor = nullptr;
    QLabel *problems = nullptr;
};

/// The widgets of an answers model, built from its describe() like the YAML reader and writer:
/// a line edit per text, a spin box per number, a check box per flag, a comma-separated line edit
/// per list of texts, and a table per list of entries (node pools). Each field gets an editor and a
/// problem label; load() and store() copy between the widgets and the answers.
class AnswerForm : public QObject
{
    Q_OBJECT

public:
    explicit AnswerForm(QObject *parent = nullptr) : QObject(parent) {}

    template<typename Answers>
    void build(Answers answers)
    {
        Builder builder{*this, QString(), QString(), false};
        answers.describe(builder);
    }
    template<typename Answers>
    void load(Answers answers)
    {
        Sync sync{*this, QString(), true};
        answers.describe(sync);
    }
    template<typename Answers>
    void store(Answers &answers)
    {
        Sync sync{*this, QString(), false};
        answers.describe(sync);
    }

    /// The help text of the section a page shows (empty for "basics" and "secrets").
    QString pageSubtitle(const QString &page) const;
    /// Fields in describe() order.
    const QList<FieldEditor> &fields() const { return m_fields; }
    /// The field a problem path ("network.privateSubnets[1]", "cluster.nodePools[0].maxNodes") is about.
    const FieldEditor *fieldFor(const QString &problemPath) const;

signals:
    /// A field was edited by the user.
    void edited();

private:
    static QString join(const QString &prefix, const char *key)
    {
        return prefix.isEmpty() ? QString::fromLatin1(key) : prefix + u'.' + QString::fromLatin1(key);
    }
    FieldEditor *find(const QString &path);
    void add(const QString &path, const QString &page, const QString &title, QWidget *editor, const char *help);
    static QString label(const char *key);

    /// Column names of a table of entries, collected from describe().
    struct Columns {
        QStringList keys;
        template<typename T>
        void section(const char *, T &, const char *) {}
        template<typename T>
        void list(const char *, QList<T> &, const char *) {}
        void text(const char *k, QString &, const char *) { keys.append(QString::fromLatin1(k)); }
        void number(const char *k, int &, const char *) { keys.append(QString::fromLatin1(k)); }
        void flag(const char *k, bool &, const char *) { keys.append(QString::fromLatin1(k)); }
        void texts(const char *k, QStringList &, const char *) { keys.append(QString::fromLatin1(k)); }
    };

    /// Reads or writes one table row from or to an entry.
    struct Row {
        QTableWidget *table;
        int row;
        bool toWidgets;
        int column = 0;
        QTableWidgetItem *cell();
        template<typename T>
        void section(const char *, T &, const char *) {}
        template<typename T>
        void list(const char *, QList<T> &, const char *) {}
        void text(const char *, QString &value, const char *);
        void number(const char *, int &value, const char *);
        void flag(const char *, bool &value, const char *);
        void texts(const char *, QStringList &values, const char *);
    };

    struct Builder {
        AnswerForm &form;
        QString prefix;
        QString page;
        bool afterSections;
        QString pageOf() const { return page.isEmpty() ? (afterSections ? QStringLiteral("secrets") : QStringLiteral("basics")) : page; }
        void text(const char *key, QString &, const char *help) { form.add(join(prefix, key), pageOf(), {}, new QLineEdit, help); }
        void texts(const char *key, QStringList &, const char *help) { form.add(join(prefix, key), pageOf(), {}, new QLineEdit, help); }
        void flag(const char *key, bool &, const char *help) { form.add(join(prefix, key), pageOf(), {}, new QCheckBox, help); }
        void number(const char *key, int &, const char *help)
        {
            auto *spin = new QSpinBox;
            spin->setRange(-1000000000, 1000000000);
            form.add(join(prefix, key), pageOf(), {}, spin, help);
        }
        template<typename T>
        void section(const char *key, T &value, const char *help)
        {
            Builder inner{form, join(prefix, key), page.isEmpty() ? join(prefix, key) : page, afterSections};
            form.m_titles[inner.page] = QString::fromUtf8(help);
            value.describe(inner);
            afterSections = true;
        }
        template<typename T>
        void list(const char *key, QList<T> &, const char *help)
        {
            Columns columns;
            T sample;
            sample.describe(columns);
            auto *table = new QTableWidget(0, int(columns.keys.size()));
            QStringList headers;
            for (const QString &k : columns.keys)
                headers.append(label(k.toLatin1().constData()));
            table->setHorizontalHeaderLabels(headers);
            const QString path = join(prefix, key);
            form.m_titles[path] = QString::fromUtf8(help);
            form.add(path, path, QString::fromUtf8(help), table, help);
        }
    };

    struct Sync {
        AnswerForm &form;
        QString prefix;
        bool toWidgets;
        void text(const char *key, QString &value, const char *);
        void texts(const char *key, QStringList &values, const char *);
        void flag(const char *key, bool &value, const char *);
        void number(const char *key, int &value, const char *);
        template<typename T>
        void section(const char *key, T &value, const char *)
        {
            Sync inner{form, join(prefix, key), toWidgets};
            value.describe(inner);
        }
        template<typename T>
        void list(const char *key, QList<T> &values, const char *)
        {
            auto *table = qobject_cast<QTableWidget *>(form.find(join(prefix, key))->editor);
            const QSignalBlocker block(table);
            const QSignalBlocker blockModel(table->model());
            if (toWidgets) {
                table->setRowCount(int(values.size()));
                for (int r = 0; r < values.size(); ++r) {
                    Row row{table, r, true};
                    values[r].describe(row);
                }
                return;
            }
            values.clear();
            for (int r = 0; r < table->rowCount(); ++r) {
                T entry;
                Row row{table, r, false};
                entry.describe(row);
                values.append(entry);
            }
        }
    };

    QList<FieldEditor> m_fields;
    std::map<QString, QString> m_titles; ///< page → the help text of its section
};

} // namespace studio::cloud
