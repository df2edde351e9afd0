// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — helpers for GUI tests: waiting on the event loop, reading plot data.
#pragma once

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QVector>

#include <functional>

namespace scs::test {

/// Processes events until `condition` holds or `timeoutMs` passes; returns the condition.
inline bool waitFor(const std::function<bool()>& condition, int timeoutMs = 3000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

/// Processes events for `ms` milliseconds (for "nothing should happen before ...").
inline void pumpEvents(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
}

/// The values a graph currently draws.
inline QVector<double> graphValues(const QCPGraph* graph) {
    QVector<double> out;
    if (!graph) return out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) out << it->value;
    return out;
}

} // namespace scs::test
