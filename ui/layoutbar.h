// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QPainter;

namespace Volmap {

class SegmentTableModel;

/*
 * The colour of slot `slot` (0, 1, 2, ...) in the bars: hues far apart, at
 * a saturation and value that read on light and dark windows. Shared by
 * the layout bar and the space map so one device looks alike in both.
 */
QColor barColor(qsizetype slot, const QPalette &palette);

/*
 * The virtual device drawn left to right: one block per segment, as wide
 * as its share of the whole, coloured by its backing device so a person
 * sees at a glance which disk holds which part. Invalid segments are
 * outlined; clicking a block selects its row.
 */
class LayoutBar final : public QWidget
{
    Q_OBJECT

public:
    explicit LayoutBar(SegmentTableModel *model, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /* The colour a device's segments are drawn in (also used by the table). */
    QColor colorOf(const QString &device) const;
    void setCurrentRow(int row);

Q_SIGNALS:
    void segmentClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Block
    {
        int row;
        QRectF rect;
    };
    QList<Block> layoutBlocks() const;
    // paintEvent()'s parts: the empty bar, one segment's block, the scale under the bar.
    void paintPlaceholder(QPainter &painter) const;
    void paintBlock(QPainter &painter, const Block &block, const QFontMetrics &metrics) const;
    void paintScale(QPainter &painter) const;
    void modelChanged();

    SegmentTableModel *m_model;
    QStringList m_deviceOrder; // colours follow first appearance
    int m_currentRow = -1;
};

} // namespace Volmap
