import styles from './checkout.module.css';

/** Problems about one part of the checkout, announced when they appear. */
export function ProblemList({ problems, id }: { problems: readonly string[]; id?: string }) {
  return (
    <div role="alert" id={id}>
      {problems.length ? (
        <ul className={styles.problems}>
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
