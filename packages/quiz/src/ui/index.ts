// @masdrill/quiz/ui — the Ink terminal quiz. Importing it loads Ink and React; `@masdrill/quiz`
// itself never does. Set the colour level (FORCE_COLOR=0 for NO_COLOR) before importing this.
export { QuizApp, keyPress, type QuizAppProps } from './quiz-app.js';
export { runQuiz, type RunQuizOptions } from './run-quiz.js';
