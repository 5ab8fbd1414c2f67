import type { ComponentType } from 'react';
import { selectLessonId, selectLessonLinkProblem } from '../../state/selectors';
import { hashForLesson } from '../../state/hash-route';
import { useAppStore, type LessonId } from '../../state/store';
import { LESSONS } from './lesson-catalogue';
import { MaskLesson } from './lessons/MaskLesson';
import { FlipLesson } from './lessons/FlipLesson';
import { ConvolutionLesson } from './lessons/ConvolutionLesson';
import { StrideLesson } from './lessons/StrideLesson';
import { PaddingLesson } from './lessons/PaddingLesson';
import { PoolingLesson } from './lessons/PoolingLesson';
import { Conv1dLesson } from './lessons/Conv1dLesson';
import { NetworkLesson } from './lessons/NetworkLesson';
import { RealNetworkLesson } from './lessons/RealNetworkLesson';
import { TutorialCredit } from '../common/TutorialCredit';
import { ClassroomTools } from '../common/ClassroomTools';
import './learn.css';

const LESSON_VIEWS: Readonly<Record<LessonId, ComponentType>> = {
  mask: MaskLesson,
  flipping: FlipLesson,
  convolution: ConvolutionLesson,
  stride: StrideLesson,
  padding: PaddingLesson,
  pooling: PoolingLesson,
  'conv-1d': Conv1dLesson,
  network: NetworkLesson,
  'real-network': RealNetworkLesson,
};

/** The Learn area: the list of lessons, and the open one (or an introduction when none is open). */
export function LearnArea() {
  const lessonId = useAppStore(selectLessonId);
  const Lesson = lessonId ? LESSON_VIEWS[lessonId] : null;
  const linkProblem = useAppStore(selectLessonLinkProblem);
  return (
    <section aria-labelledby="learn-heading" className="area learn-area">
      <div className="learn-top">
        <h2 id="learn-heading">Learn</h2>
        <nav aria-label="Lessons">
          <ol className="lesson-nav">
            {LESSONS.map((lesson) => (
              <li key={lesson.id}>
                <a href={hashForLesson(lesson.id)} aria-current={lesson.id === lessonId ? 'page' : undefined}>
                  {lesson.navTitle}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <div className="learn-main">
        {linkProblem && (
          <p className="lesson-link-problem" role="status">
            {linkProblem}
          </p>
        )}
        {Lesson ? (
          // The key gives each lesson fresh numbers when another one opens.
          <Lesson key={lessonId} />
        ) : (
          <div className="learn-intro">
            <ClassroomTools />
            <p className="lead">
              How a convolutional network sees: a small mask slides over the picture, multiplies and adds, and the sums become a new picture. Each
              lesson plays one idea a step at a time — press Play, step with the arrow keys, or drag the slider — and every number can be changed.
            </p>
            <TutorialCredit />
            <ol className="lesson-cards">
              {LESSONS.map((lesson) => (
                <li key={lesson.id}>
                  <a href={hashForLesson(lesson.id)}>{lesson.title}</a>
                  <span>{lesson.summary}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}
